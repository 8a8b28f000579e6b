#!/usr/bin/env python3
"""Extracts labelled items from other projects' test suites into JSON Lines.

  python3 bench/labelled/extract.py [--out /tmp/labelled] \
      [--detect-secrets /work/.mirror/Yelp+detect-secrets/repo] \
      [--presidio /work/.mirror/microsoft+presidio/repo] \
      [--alliance /work/.mirror/codice+alliance/repo] [--only SUITE] \
      [--gitleaks /work/.mirror/gitleaks+gitleaks/repo] \
      [--trufflehog /work/.mirror/trufflesecurity+trufflehog/repo]

Each argument is a bare git directory (as `fetch` leaves it) or a checkout;
files are read at HEAD with `git show`. Writes OUT/<suite>.jsonl, one object a
line: {"suite", "source" (repo@commit:path:line), "detector", "label"
("positive"|"negative"), "text"}. Items with no sendguard detector are
skipped and counted. The data stays outside the repository.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyfixtures  # noqa: E402

MIRROR = '/work/.mirror'


def git(repo, *args):
    return subprocess.run(['git', '-C', repo] + list(args), check=True,
                          capture_output=True, text=True).stdout


def need(repo, name):
    if not os.path.isdir(repo):
        print(f'extract.py: {name} not found at {repo} (fetch github:{name} first, '
              f'or pass its path)', file=sys.stderr)
        sys.exit(2)


class Writer:
    def __init__(self, out):
        self.out = out
        self.items = collections.defaultdict(list)
        self.skipped = collections.Counter()

    def add(self, suite, source, detector, label, text):
        self.items[suite].append({'suite': suite, 'source': source, 'detector': detector,
                                  'label': label, 'text': text})

    def skip(self, suite, why):
        self.skipped[(suite, why)] += 1

    def write(self):
        os.makedirs(self.out, exist_ok=True)
        for suite, items in self.items.items():
            # One item per (detector, text): a text labelled positive anywhere
            # stays positive (detect-secrets repeats lines per language, some
            # languages requiring quotes).
            seen = {}
            for it in items:
                key = (it['detector'], it['text'])
                if key not in seen or it['label'] == 'positive' and seen[key]['label'] != 'positive':
                    seen[key] = it
            path = os.path.join(self.out, suite + '.jsonl')
            with open(path, 'w') as f:
                for it in seen.values():
                    f.write(json.dumps(it, ensure_ascii=False) + '\n')
            c = collections.Counter((i['detector'], i['label']) for i in seen.values())
            print(f'{path}: ' + ', '.join(f'{d} {l} {n}' for (d, l), n in sorted(c.items())))
        for (suite, why), n in sorted(self.skipped.items()):
            print(f'skipped {suite}: {n} {why}')


# ---- Yelp/detect-secrets: tests/plugins/*_test.py --------------------------

DS_PLUGIN = {
    'aws_key_test.py': 'aws-access-key',
    'github_token_test.py': 'api-token',
    'gitlab_token_test.py': 'api-token',
    'npm_test.py': 'api-token',
    'twilio_test.py': 'api-token',
    'openai_test.py': 'api-token',
    'slack_test.py': 'api-token',
    'stripe_key_test.py': 'api-token',
    'sendgrid_test.py': 'api-token',
    'jwt_test.py': 'api-token',
    'private_key_test.py': 'private-key',
    'keyword_test.py': None,  # by keyword
}

PASSWORD_WORD = re.compile(r'pass|pwd', re.I)


def keyword_detector(text):
    """A keyword-test line's detector: password-like keyword -> password,
    else (secret, token, api_key, private_key, ...) -> api-token."""
    return 'password' if PASSWORD_WORD.search(text) else 'api-token'


def detect_secrets(repo, w):
    need(repo, 'Yelp/detect-secrets')
    commit = git(repo, 'rev-parse', 'HEAD').strip()
    files = [p for p in git(repo, 'ls-tree', '-r', '--name-only', 'HEAD', 'tests/plugins').split()
             if p.endswith('_test.py')]
    for path in files:
        name = os.path.basename(path)
        if name == 'base_test.py':
            continue
        src = git(repo, 'show', f'HEAD:{path}')
        rows = list(pyfixtures.parametrize_rows(src))
        consts = pyfixtures.module_names(__import__('ast').parse(src))
        if name == 'keyword_test.py':
            # The case lists are module-level NAME_TEST_CASES = [(line, secret|None)].
            rows = [(ln, r) for lname, lrows in pyfixtures.named_lists(src)
                    if lname.endswith('TEST_CASES') for ln, r in lrows]
        if name not in DS_PLUGIN:
            for _ in rows or [None]:
                w.skip('detect-secrets', f'items of {name} (no sendguard detector)')
            continue
        for line, row in rows:
            source = f'Yelp/detect-secrets@{commit}:{path}:{line}'
            if isinstance(row, str):
                text, label = row, 'positive'
            elif isinstance(row, tuple) and row and isinstance(row[0], str):
                text = row[0]
                flag = row[1] if len(row) > 1 else True
                if isinstance(flag, bool):
                    label = 'positive' if flag else 'negative'
                elif flag is None:
                    label = 'negative'
                elif isinstance(flag, str):
                    label = 'positive'
                else:
                    w.skip('detect-secrets', f'rows of {name} with no label')
                    continue
            else:
                w.skip('detect-secrets', f'rows of {name} not (text, label)')
                continue
            if len(text) > 5000:
                w.skip('detect-secrets', 'long-line cases (>5000 chars)')
                continue
            if (name == 'keyword_test.py' and label == 'negative'
                    and any(v in text for v in (consts.get('COMMON_SECRET'), consts.get('LETTER_SECRET')) if v)):
                # Negative only because that language's plugin wants quotes
                # ("Secret without quotes", "Double quotes required"): in mail
                # the line still gives a secret away, so it is no near miss.
                w.skip('detect-secrets', 'keyword negatives only for quote-requiring languages')
                continue
            det = DS_PLUGIN[name] or keyword_detector(text)
            w.add('detect-secrets', source, det, label, text)


# ---- microsoft/presidio: presidio-analyzer/tests/test_*_recognizer.py -------

PRESIDIO = {
    'test_credit_card_recognizer.py': 'credit-card',
    'test_us_ssn_recognizer.py': 'us-ssn',
    'test_iban_recognizer.py': 'iban',
    'test_us_passport_recognizer.py': 'us-passport',
    'test_aba_routing_recognizer.py': 'aba-routing',
}
CONTEXT = {'us-ssn': re.compile(r'ssn|social', re.I), 'us-passport': re.compile(r'passport', re.I)}


def presidio(repo, w):
    need(repo, 'microsoft/presidio')
    commit = git(repo, 'rev-parse', 'HEAD').strip()
    for name, det in PRESIDIO.items():
        path = 'presidio-analyzer/tests/' + name
        src = git(repo, 'show', f'HEAD:{path}')
        for line, row in pyfixtures.parametrize_rows(src):
            if not (isinstance(row, tuple) and len(row) >= 2 and isinstance(row[0], str)
                    and isinstance(row[1], int) and not isinstance(row[1], bool)):
                continue
            text, n = row[0], row[1]
            source = f'microsoft/presidio@{commit}:{path}:{line}'
            if n == 0:
                w.add('presidio', source, det, 'negative', text)
                continue
            # Score ranges: presidio's "weak" matches (upper bound < 0.5, bare
            # digits with no context) are not findings a policy acts on.
            ranges = row[3] if len(row) > 3 and isinstance(row[3], tuple) else ()
            uppers = [r[1] for r in ranges if isinstance(r, tuple) and len(r) == 2
                      and isinstance(r[1], (int, float))]
            if uppers and max(uppers) < 0.5 and not (det in CONTEXT and CONTEXT[det].search(text)):
                w.skip('presidio', f'{det} weak matches (presidio score < 0.5, no context word)')
                continue
            w.add('presidio', source, det, 'positive', text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--out', default='/tmp/labelled')
    ap.add_argument('--detect-secrets', default=f'{MIRROR}/Yelp+detect-secrets/repo')
    ap.add_argument('--presidio', default=f'{MIRROR}/microsoft+presidio/repo')
    ap.add_argument('--gitleaks', default=f'{MIRROR}/gitleaks+gitleaks/repo')
    ap.add_argument('--alliance', default=f'{MIRROR}/codice+alliance/repo')
    ap.add_argument('--trufflehog', default=f'{MIRROR}/trufflesecurity+trufflehog/repo')
    ap.add_argument('--only', action='append', help='suites to extract (default: all)')
    a = ap.parse_args()
    w = Writer(a.out)
    suites = {'detect-secrets': lambda: detect_secrets(a.detect_secrets, w),
              'presidio': lambda: presidio(a.presidio, w)}
    import markings
    suites['codice-alliance'] = lambda: markings.extract(a.alliance, w, git, need)
    import trufflehog_tests
    suites['trufflehog'] = lambda: trufflehog_tests.extract(a.trufflehog, w, git, need)
    try:
        import gitleaks_rules
        suites['gitleaks'] = lambda: gitleaks_rules.extract(a.gitleaks, w, git, need)
    except ImportError:
        pass
    for name, fn in suites.items():
        if not a.only or name in a.only:
            fn()
    w.write()


if __name__ == '__main__':
    main()
