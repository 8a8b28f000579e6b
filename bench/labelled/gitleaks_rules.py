"""Literal true and false positives from gitleaks' rule definitions.

cmd/generate/config/rules/<name>.go validates each rule against `tps` (must
match) and `fps` (must not) string lists. Elements that are string literals,
concatenations of them, or `newPlausibleSecret(`[class]{n}`)` calls (filled
with a seeded random string of that class, as gitleaks does at random) are
kept; elements built by other generators (utils.GenerateSampleSecret,
secrets.NewSecret) are skipped and counted.
"""
import random
import re

DIR = 'cmd/generate/config/rules/'
FILES = {
    'privatekey.go': 'private-key',
    'aws.go': 'aws-access-key',
    'github.go': 'api-token', 'gitlab.go': 'api-token', 'npm.go': 'api-token',
    'twilio.go': 'api-token', 'openai.go': 'api-token', 'slack.go': 'api-token',
    'stripe.go': 'api-token', 'sendgrid.go': 'api-token', 'jwt.go': 'api-token',
    'gcp.go': 'api-token',
    'generic.go': None,  # by keyword: password-like -> password, else api-token
}
# Rules in those files that sendguard has no detector for (the rule id is the
# last RuleID before the list).
SKIP_RULES = re.compile(r'^aws-(?!access-token)|^gcp-(?!api-key)')
RULE_ID = re.compile(r'RuleID:\s*"([^"]+)"')
BLOCK = re.compile(r'\b(tps|fps)\s*(?::=|=)\s*(?:\[\]string\{|append\(\s*tps\s*,)')
PLAUSIBLE = re.compile(r'newPlausibleSecret\(`\[([^\]]+)\]\{(\d+)\}`\)')


def _class_chars(spec):
    out, i = [], 0
    spec = spec.replace('\\-', '-').replace('\\.', '.')
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == '-':
            out += [chr(c) for c in range(ord(spec[i]), ord(spec[i + 2]) + 1)]
            i += 3
        else:
            out.append(spec[i])
            i += 1
    return ''.join(out)


def _elements(src, start, rng):
    """Yields (offset, value or None) for each element of the list at `start`."""
    i, depth, parts, ok, el_start = start, 1, [], True, start
    while i < len(src) and depth > 0:
        c = src[i]
        if src.startswith('//', i):
            i = src.find('\n', i)
            continue
        if c == '`':
            j = src.index('`', i + 1)
            parts.append(src[i + 1:j])
            i = j + 1
            continue
        if c == '"':
            j = i + 1
            while src[j] != '"':
                j += 2 if src[j] == '\\' else 1
            parts.append(bytes(src[i + 1:j], 'utf-8').decode('unicode_escape'))
            i = j + 1
            continue
        m = PLAUSIBLE.match(src, i)
        if m:
            chars = _class_chars(m.group(1))
            parts.append(''.join(rng.choice(chars) for _ in range(int(m.group(2)))))
            i = m.end()
            continue
        if c in '({[':
            depth += 1
            ok = ok and depth == 1
        elif c in ')}]':
            depth -= 1
        if c == ',' and depth == 1 or depth == 0:
            if parts or not ok:
                yield el_start, (''.join(parts) if ok and parts else None)
            parts, ok, el_start = [], True, i + 1
        elif not c.isspace() and c not in '+)}]':
            ok = False
        i += 1


# An allowlisted literal: regexp.MustCompile(`AIzaSy...`) of known values.
ALLOWED_VALUE = re.compile(r'regexp\.MustCompile\(`([A-Za-z0-9_\-]{20,})`\)')


def extract(repo, w, git, need):
    need(repo, 'gitleaks/gitleaks')
    commit = git(repo, 'rev-parse', 'HEAD').strip()
    rng = random.Random(17)
    for name, det in FILES.items():
        path = DIR + name
        src = git(repo, 'show', f'HEAD:{path}')
        # A false positive that is one of the rule's allowlisted values (the
        # Firebase SDK's published example keys) is negative by a list of
        # values, not by its form: nothing in the text tells it apart.
        allowed = set(ALLOWED_VALUE.findall(src))
        for m in BLOCK.finditer(src):
            label = 'positive' if m.group(1) == 'tps' else 'negative'
            ids = RULE_ID.findall(src, 0, m.start())
            rule = ids[-1] if ids else ''
            if SKIP_RULES.search(rule):
                for _ in _elements(src, m.end(), rng):
                    w.skip('gitleaks', f'items of rules with no sendguard detector ({name})')
                continue
            for off, text in _elements(src, m.end(), rng):
                if text is None:
                    w.skip('gitleaks', 'generated samples (GenerateSampleSecret, NewSecret)')
                    continue
                if label == 'negative' and text.strip() in allowed:
                    w.skip('gitleaks', 'negatives only by an allowlist of known values (gcp.go)')
                    continue
                line = src.count('\n', 0, off) + 1
                d = det or ('password' if re.search(r'pass|pwd', text, re.I) else 'api-token')
                w.add('gitleaks', f'gitleaks/gitleaks@{commit}:{path}:{line}', d, label, text.strip('\n'))
