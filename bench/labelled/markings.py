"""Classification markings from codice/alliance's marking validator tests.

catalog/security/banner-marking/src/test/groovy/.../*Spec.groovy are Spock
specifications whose `where:` tables start with a marking in single quotes.
Banner markings are carried as a line of their own; portion markings
(PortionMarkingsSpec) as the start of a paragraph, "(S//NF) ...". Markings the
validator rejects as ill-formed (RESTRICTED//NOFORN, //NATO TOP SECRET) are
still markings a sender must not leak, so they are positives; the two table
entries that are no marking at all are the negatives.
"""
import re

DIR = 'catalog/security/banner-marking/src/test/groovy/org/codice/alliance/security/banner/marking/'
ROW = re.compile(r"^\s*'([^']+)'\s*\|")
MARKING = re.compile(r'SECRET|CONFIDENTIAL|RESTRICTED|UNCLASSIFIED|//|^(TS|S|C|R|U)$')
NOT_MARKINGS = {'UNKNOWN CLASSIFICATION', '//DEU'}


def extract(repo, w, git, need):
    need(repo, 'codice/alliance')
    commit = git(repo, 'rev-parse', 'HEAD').strip()
    for path in git(repo, 'ls-tree', '-r', '--name-only', 'HEAD', DIR).split():
        if not path.endswith('Spec.groovy'):
            continue
        portion = path.endswith('PortionMarkingsSpec.groovy')
        for n, line in enumerate(git(repo, 'show', f'HEAD:{path}').split('\n'), 1):
            m = ROW.match(line)
            if not m:
                continue
            marking = m.group(1).strip()
            if not MARKING.search(marking):
                w.skip('codice-alliance', 'table entries that are no marking (deduper, translator)')
                continue
            label = 'negative' if marking in NOT_MARKINGS else 'positive'
            text = f'({marking}) The convoy leaves the depot at 0600 on Tuesday.' if portion else marking
            w.add('codice-alliance', f'codice/alliance@{commit}:{path}:{n}',
                  'classification-marking', label, text)
