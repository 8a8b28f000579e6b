#!/usr/bin/env python3
"""Recall and false positives of sendguard's detectors on others' labelled data.

  python3 bench/labelled/extract.py            # once: writes /tmp/labelled/*.jsonl
  python3 bench/detector_recall.py [--sendguard build/sendguard] [--detector ID]...
      [--labelled /tmp/labelled] [--misses FILE] [--corpus /work/shared/corpus]
      [--secretlint bench/node_modules/.bin/secretlint]

Each labelled item is carried in an ordinary mail (a short prose body with the
item on a line of its own; a banner marking as the first and last line);
items that look like a file's content (config
lines, several lines) are also sent as a text/plain attachment. All messages
go into one mbox that `sendguard scan --json` reads. A positive counts as found
when the detector it is labelled for reports at medium or high; a negative (the
suites' own near misses) is a false positive when that detector, or any
detector, reports at medium or high. `--corpus` adds real mail, as it is, to
the false-positive count. `--secretlint` runs secretlint on the same texts
(one file per item) for the secret detectors.
"""
import argparse
import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

ACTING = ('medium', 'high')
SECRET_DETECTORS = ('password', 'api-token', 'private-key', 'aws-access-key')

BODIES = [
    ("Re: access for the new staging box",
     "Hi Sam,\n\nas promised, here is what you need for the staging setup:\n\n{item}\n\n"
     "Let me know if anything does not work.\n\nThanks,\nAlex\n"),
    ("Quick question about the config",
     "Hello team,\n\nI copied this from the deployment notes, can someone check it?\n\n{item}\n\n"
     "It worked on my machine yesterday.\n\nBest regards,\nMaria\n"),
    ("Details you asked for",
     "Dear Mr. Keller,\n\nplease find the details below.\n\n{item}\n\n"
     "Kind regards,\nJohn Miller\nAccounts\n"),
]
MARKINGS = ('classification-marking', 'cui-marking')
MARKED_BODY = ("Team,\n\nthe revised movement plan is below; the convoy leaves the depot at 0600 "
               "on Tuesday and the briefing is at 0800 in the usual room.\n\nRegards,\nMaj. Ortiz\n")
CONTROL = "Hi all,\n\nthe meeting moves to Thursday at 10:00 in room 4.\n\nCheers,\nPat\n"


def looks_like_file(text):
    return '\n' in text.strip() or any(op in text for op in ('=', ': ', ':=', '=>'))


def message(n, subject, body, attachment=None):
    hdr = (f"From: Alex Doe <alex@example.org>\nTo: Sam Roe <sam@example.com>\n"
           f"Subject: {subject}\nDate: Wed, 02 Dec 2026 10:00:00 +0000\n"
           f"Message-ID: <item-{n}@labelled.invalid>\nMIME-Version: 1.0\n")
    if attachment is None:
        m = hdr + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body
    else:
        m = (hdr + 'Content-Type: multipart/mixed; boundary="b0u"\n\n--b0u\n'
             "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body +
             '\n--b0u\nContent-Type: text/plain; charset=utf-8; name="settings.env"\n'
             'Content-Disposition: attachment; filename="settings.env"\n'
             "Content-Transfer-Encoding: 8bit\n\n" + attachment + "\n--b0u--\n")
    # mboxrd quoting of body lines that start with "From ".
    lines = [('>' + l if l.lstrip('>').startswith('From ') else l) for l in m.split('\n')]
    return "From alex@example.org Wed Dec  2 10:00:00 2026\n" + '\n'.join(lines) + "\n\n"


# Items whose label this project does not share, each with why. They are
# reported on their own ("contested"), not counted in recall or false
# positives, unless --count-contested. Keyed by repo:path:line (any commit).
CONTESTED = {
    'Yelp/detect-secrets:tests/plugins/private_key_test.py:12':
        'a key header and END line around prose ("super secret private key here"): gitleaks '
        'labels the same shape negative (privatekey.go, body "anything"); no key is in it',
    'Yelp/detect-secrets:tests/plugins/private_key_test.py:17':
        'a key header followed by prose ("yabba dabba doo"): no key body; a header alone is a '
        'mention (low)',
    'Yelp/detect-secrets:tests/plugins/aws_key_test.py:51':
        "AWS's documentation example secret (...EXAMPLEKEY): published in AWS's docs, low by design",
    'microsoft/presidio:presidio-analyzer/tests/test_aba_routing_recognizer.py:22':
        'nine bare digits with no banking word: one random 9-digit number in 27 passes the '
        'prefix and checksum, so sendguard reports bare digits only with banking words',
    'microsoft/presidio:presidio-analyzer/tests/test_aba_routing_recognizer.py:26':
        'as above: nine bare digits with no banking word',
    'trufflesecurity/trufflehog:pkg/detectors/privatekey/privatekey_test.go:52':
        "negative only by trufflehog's header pattern ('-----BEGIN?RSA?...'): the body is a real "
        "key given to `privatekey =`, which sendguard reports as a secret",
}


def contested(item):
    """Why `item`'s label is contested, or None."""
    repo, _, rest = item['source'].partition('@')
    return CONTESTED.get(repo + ':' + rest.partition(':')[2])


def load(labelled, detectors):
    items = []
    files = sorted(glob.glob(os.path.join(labelled, '*.jsonl')))
    if not files:
        print(f'detector_recall.py: no *.jsonl in {labelled}; run bench/labelled/extract.py',
              file=sys.stderr)
        sys.exit(2)
    for f in files:
        for line in open(f):
            it = json.loads(line)
            if not detectors or it['detector'] in detectors:
                items.append(it)
    return items


def scan(sendguard, *paths, key='message_id'):
    out = subprocess.run([sendguard, 'scan', '--json', *paths], capture_output=True, text=True)
    if out.returncode not in (0, 1, 2) and not out.stdout:
        print(out.stderr, file=sys.stderr)
        sys.exit(2)
    res = {}
    for line in out.stdout.splitlines():
        o = json.loads(line)
        acting = {f['detector'] for f in o.get('findings', []) if f['confidence'] in ACTING}
        res[o.get(key) or o.get('source')] = (acting, o.get('findings', []))
    return res


def run_secretlint(binary, items):
    """Indices of items secretlint reports anything on (one file per item)."""
    d = tempfile.mkdtemp(prefix='secretlint-')
    try:
        for i, it in enumerate(items):
            with open(os.path.join(d, f'item-{i}.txt'), 'w') as f:
                f.write(it['text'] + '\n')
        cfg = os.path.join(d, '.secretlintrc.json')
        with open(cfg, 'w') as f:
            json.dump({'rules': [{'id': '@secretlint/secretlint-rule-preset-recommend'}]}, f)
        # --output, not stdout: node may cut a large piped stdout at exit.
        report = os.path.join(d, 'report.json')
        out = subprocess.run([binary, '--format', 'json', '--secretlintrc', cfg, '--output', report,
                              '--no-maskSecrets', os.path.join(d, '*.txt')],
                             capture_output=True, text=True, cwd=os.path.dirname(os.path.dirname(binary)))
        hit = set()
        try:
            for r in json.load(open(report)) if os.path.exists(report) else []:
                if r.get('messages'):
                    hit.add(int(os.path.basename(r['filePath'])[5:-4]))
        except json.JSONDecodeError:
            print('secretlint report not JSON:', out.stdout[:300], out.stderr[:300], file=sys.stderr)
        return hit
    finally:
        shutil.rmtree(d)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument('--sendguard', default='build/sendguard')
    ap.add_argument('--labelled', default='/tmp/labelled')
    ap.add_argument('--detector', action='append', help='only items of this detector (repeatable)')
    ap.add_argument('--misses', help='write misses and false positives here (default: stderr)')
    ap.add_argument('--corpus', help='also count false positives on these .eml files, as they are')
    ap.add_argument('--secretlint', help='secretlint binary, e.g. bench/node_modules/.bin/secretlint')
    ap.add_argument('--keep', help='keep the mbox at this path')
    ap.add_argument('--count-contested', action='store_true',
                    help='count the items whose label is contested (CONTESTED) as labelled')
    a = ap.parse_args()
    if not os.access(a.sendguard, os.X_OK):
        print(f'detector_recall.py: {a.sendguard} is not an executable', file=sys.stderr)
        sys.exit(2)
    items = load(a.labelled, a.detector)

    msgs, carried = [], []  # carried[n] = (item index, variant)
    for i, it in enumerate(items):
        subj, tmpl = BODIES[i % len(BODIES)]
        if it['detector'] in MARKINGS and not it['text'].startswith('('):
            # A banner marking heads and ends the message, as marked mail does.
            body = f"{it['text']}\n\n" + MARKED_BODY + f"\n{it['text']}\n"
        else:
            body = tmpl.format(item=it['text'])
        msgs.append(message(len(carried), subj, body))
        carried.append((i, 'body'))
        if looks_like_file(it['text']):
            body = "Hi Sam,\n\nthe settings file is attached.\n\nAlex\n"
            msgs.append(message(len(carried), 'settings file', body, attachment=it['text']))
            carried.append((i, 'attachment'))
    for k in range(3):
        msgs.append(message(len(carried), 'Meeting moved', CONTROL))
        carried.append((None, 'control'))
    fd, mbox = tempfile.mkstemp(suffix='.mbox')
    with os.fdopen(fd, 'w') as f:
        f.write(''.join(msgs))
    res = scan(a.sendguard, mbox)
    if a.keep:
        shutil.move(mbox, a.keep)
    else:
        os.unlink(mbox)

    stats = collections.defaultdict(collections.Counter)
    misses, contested_rows = [], []
    for n, (i, variant) in enumerate(carried):
        acting, findings = res.get(f'item-{n}@labelled.invalid', (None, []))
        if acting is None:
            print(f'detector_recall.py: message {n} missing from sendguard output', file=sys.stderr)
            sys.exit(2)
        if i is None:
            stats['(control)']['neg'] += 1
            stats['(control)']['fp_any'] += bool(acting)
            continue
        it = items[i]
        got = ','.join(sorted(f"{f['detector']}:{f['confidence']}" for f in findings)) or '-'
        why = contested(it)
        if why and not a.count_contested:
            found = it['detector'] in acting
            contested_rows.append(f"{it['detector']} {it['label']} [{variant}] "
                                  f"{'reported' if found else 'not reported'} at medium/high "
                                  f"(got {got}): {it['source']}\n  {why}")
            continue
        s = stats[it['detector']]
        if it['label'] == 'positive':
            s['pos_' + variant] += 1
            if it['detector'] in acting:
                s['found_' + variant] += 1
            else:
                misses.append(f"MISS {it['detector']} [{variant}] {it['source']}\n  got {got}\n  "
                              + it['text'].replace('\n', '\n  '))
        else:
            s['neg'] += 1
            if it['detector'] in acting:
                s['fp_same'] += 1
            if acting:
                s['fp_any'] += 1
                misses.append(f"FP   {it['detector']} [{variant}] {it['source']}\n  got {got}\n  "
                              + it['text'].replace('\n', '\n  '))

    sl = None
    if a.secretlint:
        sl_items = [(i, it) for i, it in enumerate(items) if it['detector'] in SECRET_DETECTORS]
        hit = run_secretlint(os.path.abspath(a.secretlint), [it for _, it in sl_items])
        sl = collections.defaultdict(collections.Counter)
        for k, (i, it) in enumerate(sl_items):
            c = sl[it['detector']]
            if it['label'] == 'positive':
                c['pos'] += 1
                c['found'] += k in hit
            else:
                c['neg'] += 1
                c['fp'] += k in hit

    def pct(x, n):
        return f'{x / n:.2f}' if n else '-'

    print(f"sendguard: {a.sendguard}; labelled: {a.labelled}; {len(items)} items, "
          f"{len(carried)} messages")
    hdr = ('| detector | positives | found (body) | found (attachment) | recall | negative messages | '
           'FP (this detector) | FP (any detector) |')
    if sl is not None:
        hdr += ' secretlint recall | secretlint FP (items) |'
    print(hdr)
    print('|' + '---|' * (hdr.count('|') - 1))
    tot = collections.Counter()
    for det in sorted(stats):
        s = stats[det]
        pos = s['pos_body'] + s['pos_attachment']
        found = s['found_body'] + s['found_attachment']
        tot.update(s)
        row = (f"| {det} | {s['pos_body']} | {s['found_body']} | "
               f"{s['found_attachment']}/{s['pos_attachment']} | {pct(found, pos)} | {s['neg']} | "
               f"{s['fp_same']} | {s['fp_any']} |")
        if sl is not None:
            c = sl.get(det)
            row += (f" {c['found']}/{c['pos']} = {pct(c['found'], c['pos'])} | {c['fp']}/{c['neg']} |"
                    if c else ' | |')
        print(row)
    pos = tot['pos_body'] + tot['pos_attachment']
    found = tot['found_body'] + tot['found_attachment']
    print(f"| all | {tot['pos_body']} | {tot['found_body']} | {tot['found_attachment']}/"
          f"{tot['pos_attachment']} | {pct(found, pos)} | {tot['neg']} | {tot['fp_same']} | "
          f"{tot['fp_any']} ({pct(tot['fp_any'], tot['neg'])}) |" + (' | |' if sl is not None else ''))

    if a.corpus:
        emls = sorted(glob.glob(os.path.join(a.corpus, '**', '*.eml'), recursive=True))
        fp = collections.Counter()
        flagged = 0
        res = scan(a.sendguard, *emls, key='source')
        for e in emls:
            acting, findings = res.get(e, (set(), []))
            if a.detector:
                acting &= set(a.detector)
            flagged += bool(acting)
            fp.update(acting)
            for f in findings:
                if f['detector'] in acting:
                    misses.append(f"FP   corpus {e}\n  {f['detector']}:{f['confidence']} {f['sample']}")
        print(f"corpus {a.corpus}: {len(emls)} messages, {flagged} with a medium/high finding "
              f"({pct(flagged, len(emls))})" + (': ' + ', '.join(f'{d} {n}' for d, n in fp.most_common())
                                                 if fp else ''))

    if contested_rows:
        print(f'{len(contested_rows)} contested items, not counted above (--count-contested counts '
              'them):')
        for r in contested_rows:
            print('  ' + r)

    text = '\n'.join(misses) + ('\n' if misses else '')
    if a.misses:
        with open(a.misses, 'w') as f:
            f.write(text)
        print(f'{len(misses)} misses and false positives written to {a.misses}')
    else:
        sys.stderr.write(text)


if __name__ == '__main__':
    main()
