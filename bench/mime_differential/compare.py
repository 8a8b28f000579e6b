#!/usr/bin/env python3
"""Compares what Python's email, npm mailparser and sendguard find in each message.

Usage: compare.py CORPUS_DIR PYTHON.jsonl MAILPARSER.jsonl SENDGUARD.jsonl [--misses OUT.jsonl]

Per message, the attachments the three parsers report are joined into one union (see
cluster()). Each parser's share of it is counted as "name" (of the distinct file names of all
attachments in the union, the share the parser reports) and "payload" (of the attachments with
a non-zero payload, the share where the parser's decoded size is the one most parsers agree on;
see payload_classes()). Messages are put in a level of
brokenness (see level()); the tables are printed per level and per suite as Markdown. For the
mime-is-broken suites, whose author states what each message hides, the real name and payload
are also checked directly (see truth.py). With --misses, every attachment where sendguard
reports less than another parser is written to OUT as one JSON line.
"""

import argparse
import collections
import json
import os
import sys
import unicodedata

import truth

PARSERS = ("python", "mailparser", "sendguard")
# Types shown inline unless named or marked as attachment: bodies, attached messages (their
# parts are listed on their own), delivery and feedback reports (Python splits these into
# header blocks, the others keep them whole).
BODY_PREFIXES = ("text/", "message/", "multipart/")


def load(path):
    with open(path, encoding="utf-8") as f:
        return {r["file"]: r for r in map(json.loads, f)}


def norm(name):
    return None if name is None else unicodedata.normalize("NFC", name).strip() or None


def names_of(item):
    out = {norm(item.get("name"))}
    out.update(norm(n) for n in item.get("other_names", []) or [])
    out.discard(None)
    return out


def is_attachment(item):
    """An attachment is a leaf a parser names, marks as one, or does not show as a body."""
    t = item.get("type", "")
    if t.startswith("multipart/"):
        return False
    return bool(names_of(item)) or bool(item.get("attachment")) or not t.startswith(BODY_PREFIXES)


def same_payload(a, b):
    """The same non-zero decoded size; for two text parts, up to one byte per line apart (one
    parser gives lines as LF, another as CRLF) plus the line break before the delimiter (which
    RFC 2046 gives to the delimiter and some parsers keep)."""
    if a["size"] == 0 or b["size"] == 0:
        return False
    if a["size"] == b["size"]:
        return True
    text = a.get("type", "").startswith("text/") and b.get("type", "").startswith("text/")
    slack = max(a.get("newlines") or 0, b.get("newlines") or 0) + 2
    return text and abs(a["size"] - b["size"]) <= slack


MATCH_ORDER = ("exact", "name", "size", "text-size")


def _matches(a, b, how):
    if how == "exact":
        return bool(names_of(a) & names_of(b)) and same_payload(a, b)
    if how == "name":
        return bool(names_of(a) & names_of(b))
    if how == "size":
        return a["size"] == b["size"] and a["size"] > 0
    return same_payload(a, b)


def cluster(items):
    """Joins the parsers' leaves into attachments: each is seeded by one parser's attachment
    and takes at most one leaf of every other parser, preferring the same name and payload,
    then the same name, then the same non-zero decoded size, then a text part of that size but
    for line ends (a body one parser shows may be the attachment another names)."""
    used = {p: set() for p in PARSERS}
    clusters = []
    for p in PARSERS:
        for i, seed in enumerate(items[p]):
            if i in used[p] or not is_attachment(seed) or (seed["size"] == 0 and not names_of(seed)):
                continue
            used[p].add(i)
            c = {p: seed}
            for q in PARSERS:
                if q == p:
                    continue
                for how in MATCH_ORDER:
                    j = next((j for j, it in enumerate(items[q])
                              if j not in used[q] and _matches(seed, it, how)), None)
                    if j is not None:
                        used[q].add(j)
                        c[q] = items[q][j]
                        break
            clusters.append(c)
    return clusters


def suite_of(rel):
    parts = rel.split(os.sep)
    if parts[0] == "mime-is-broken":
        return "mime-is-broken/" + parts[1].replace(".d", "")
    if parts[0] == "mime4j":
        return "mime4j/" + parts[-2]
    return parts[0]


def level(rel, py_record, corpus):
    """0: Python's email reports no defect; 1: one or two; 2: three or more (or Python fails).
    The suite's own naming raises it: mime-is-broken's valid(3) stays, valid(2) is at least 1,
    valid(1) at least 2, valid(0) ("definitely off from standard") is 3."""
    n = len(py_record.get("defects", []))
    by_defects = 0 if n == 0 else 1 if n <= 2 else 2
    if py_record.get("error"):
        by_defects = 2
    v = truth.validity(os.path.join(corpus, rel))
    by_suite = 0 if v is None else 3 - v
    return max(by_defects, by_suite)


def payload_classes(c):
    """Groups the cluster's non-zero payloads into classes of the same payload; returns the
    parsers in the largest class (every tied class counts)."""
    classes = []
    for p, it in c.items():
        if it["size"] == 0:
            continue
        for cls in classes:
            if same_payload(c[cls[0]], it):
                cls.append(p)
                break
        else:
            classes.append([p])
    if not classes:
        return None
    best = max(len(cls) for cls in classes)
    return {p for cls in classes if len(cls) == best for p in cls}


class Score:
    def __init__(self):
        self.messages = 0
        self.attachments = 0
        self.names = 0
        self.sizes = 0
        self.found_names = collections.Counter()
        self.found_sizes = collections.Counter()

    def add(self, clusters):
        self.messages += 1
        for c in clusters:
            self.attachments += 1
            all_names = set().union(*(names_of(it) for it in c.values()))
            self.names += len(all_names)
            for p, it in c.items():
                self.found_names[p] += len(names_of(it) & all_names)
            agreed = payload_classes(c)
            if agreed is not None:
                self.sizes += 1
                for p in agreed:
                    self.found_sizes[p] += 1

    def row(self, label):
        def pct(found, total):
            return "–" if total == 0 else "%.1f%%" % (100.0 * found / total)
        cells = [label, str(self.messages), str(self.attachments)]
        for p in PARSERS:
            cells.append("%s / %s" % (pct(self.found_names[p], self.names),
                                      pct(self.found_sizes[p], self.sizes)))
        return "| " + " | ".join(cells) + " |"


def misses(rel, clusters):
    out = []
    for c in clusters:
        sg = c.get("sendguard")
        sg_names = names_of(sg) if sg else set()
        sg_size = sg["size"] if sg else None
        agreed = payload_classes(c) or set()
        for p in ("python", "mailparser"):
            it = c.get(p)
            if not it:
                continue
            lost_names = sorted(names_of(it) - sg_names)
            lost_size = p in agreed and "sendguard" not in agreed
            if lost_names or lost_size:
                out.append({"file": rel, "by": p, "names": lost_names,
                            "size": it["size"] if lost_size else None, "type": it.get("type"),
                            "sendguard": None if not sg else {
                                "name": sg.get("name"), "size": sg_size, "type": sg.get("type")}})
    return out


def print_table(title, scores, order):
    print("\n### " + title + "\n")
    print("| | messages | attachments | " + " | ".join(
        "%s name / payload" % p for p in PARSERS) + " |")
    print("|---|---|---|" + "---|" * len(PARSERS))
    for key in order:
        if key in scores:
            print(scores[key].row(str(key)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("python")
    ap.add_argument("mailparser")
    ap.add_argument("sendguard")
    ap.add_argument("--misses")
    args = ap.parse_args()
    records = {p: load(getattr(args, p)) for p in PARSERS}
    by_level, by_suite = collections.defaultdict(Score), collections.defaultdict(Score)
    total = Score()
    truths = truth.Truth(args.corpus, records)
    miss_out = []
    for rel in sorted(records["python"]):
        items = {p: records[p].get(rel, {}).get("parts", []) for p in PARSERS}
        clusters = cluster(items)
        lv = level(rel, records["python"][rel], args.corpus)
        for score in (by_level[lv], by_suite[suite_of(rel)], total):
            score.add(clusters)
        truths.add(rel, lv, items)
        miss_out.extend(dict(m, suite=suite_of(rel), level=lv,
                             trick=truth.trick(os.path.join(args.corpus, rel)))
                        for m in misses(rel, clusters))
    errors = {p: sum(1 for r in records[p].values() if r.get("error")) for p in PARSERS}
    print("Share of the union found, name / payload (decoded size). Parser errors (messages): "
          + ", ".join("%s %d" % (p, errors[p]) for p in PARSERS))
    print_table("By level of brokenness", by_level, sorted(by_level))
    by_suite["all"] = total
    print_table("By suite", by_suite, sorted(k for k in by_suite if k != "all") + ["all"])
    truths.print_tables()
    miss_out.extend(truths.misses)
    print("\nMessages where sendguard reports less than another parser: %d attachments in %d "
          "messages" % (len(miss_out), len({m["file"] for m in miss_out})))
    if args.misses:
        with open(args.misses, "w", encoding="utf-8") as f:
            for m in miss_out:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
