"""Pattern tests of trufflehog's detectors (pkg/detectors/<name>/*_test.go).

Each `Test..._Pattern` table row has `input:` (a string literal, a package-level
string variable or `fmt.Sprintf` of those) and `want:` (the secrets it must
report: none -> negative). Rows built otherwise are skipped and counted.
Integration tests (`*_integration_test.go`) are not read.
"""
import re

DIRS = {
    'privatekey': 'private-key',
    'aws/access_keys': 'aws-access-key',
    'github': 'api-token', 'gitlab': 'api-token', 'npmtoken': 'api-token', 'npmtokenv2': 'api-token',
    'twilio': 'api-token', 'twilioapikey': 'api-token', 'openai': 'api-token', 'openaiadmin': 'api-token',
    'slack': 'api-token', 'slackwebhook': 'api-token', 'stripe': 'api-token', 'sendgrid': 'api-token',
    'jwt': 'api-token',
}
LIT = r'(`[^`]*`|"(?:[^"\\]|\\.)*")'
VAR = re.compile(r'^\s*(\w+)\s*(?:string\s*)?=\s*' + LIT + r'\s*(?://.*)?$', re.M)
ROW = re.compile(r'\binput:\s*(.*?),\s*\n\s*want:\s*(nil|\[\]string\{(.*?)\})', re.S)


def _lit(s):
    if s.startswith('`'):
        return s[1:-1]
    return bytes(s[1:-1], 'utf-8').decode('unicode_escape')


def _split_args(s):
    out, depth, cur, q = [], 0, '', None
    for c in s:
        if q:
            cur += c
            if c == q and not cur.endswith('\\' + q):
                q = None
            continue
        if c in '`"':
            q = c
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
        if c == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
        else:
            cur += c
    if cur.strip():
        out.append(cur.strip())
    return out


def _value(expr, names):
    expr = expr.strip()
    if re.fullmatch(LIT, expr, re.S):
        return _lit(expr)
    if re.fullmatch(r'\w+', expr):
        return names.get(expr)
    m = re.fullmatch(r'fmt\.Sprintf\((.*)\)', expr, re.S)
    if m:
        args = _split_args(m.group(1))
        vals = [_value(a, names) for a in args]
        if not args or any(v is None for v in vals):
            return None
        try:
            return re.sub(r'%[sqv]', '{}', vals[0].replace('{', '{{').replace('}', '}}')).format(*vals[1:])
        except (IndexError, ValueError):
            return None
    return None


def extract(repo, w, git, need):
    need(repo, 'trufflesecurity/trufflehog')
    commit = git(repo, 'rev-parse', 'HEAD').strip()
    for d, det in DIRS.items():
        for path in git(repo, 'ls-tree', '-r', '--name-only', 'HEAD', f'pkg/detectors/{d}/').split():
            if not path.endswith('_test.go') or path.endswith('integration_test.go'):
                continue
            if d == 'aws/access_keys' and '/access_keys/' not in path:
                continue
            src = git(repo, 'show', f'HEAD:{path}')
            names = {m.group(1): _lit(m.group(2)) for m in VAR.finditer(src)}
            for m in ROW.finditer(src):
                text = _value(m.group(1), names)
                if text is None:
                    w.skip('trufflehog', 'pattern rows built otherwise')
                    continue
                label = 'negative' if m.group(2) == 'nil' or not (m.group(3) or '').strip() else 'positive'
                line = src.count('\n', 0, m.start()) + 1
                # Negatives of one detector's policy, not near misses: trufflehog
                # does not report HMAC JWTs it cannot verify, and the admin-key
                # detector's negatives include ordinary OpenAI keys.
                if label == 'negative' and (d == 'jwt' or d == 'openaiadmin' and 'OPENAI_API_KEY' in text):
                    w.skip('trufflehog', 'negatives only by one detector\'s policy (HMAC JWTs, ordinary OpenAI keys)')
                    continue
                w.add('trufflehog', f'trufflesecurity/trufflehog@{commit}:{path}:{line}', det, label, text)
