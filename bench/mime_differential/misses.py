#!/usr/bin/env python3
"""Groups compare.py's misses (what sendguard finds less of than another parser) by trick.

Usage: misses.py MISSES.jsonl

For mime-is-broken, the misses against what the suite hides (truth.py) are grouped by trick:
the suite names each message's trick as dash-separated steps
(multipart-<how the multipart is built>-singlepart-<header tricks>-<encoding>-<body tricks>);
the trick is the first step that is not one every message has. Messages of the other suites
are listed one by one. Most frequent first.
"""

import collections
import json
import re
import sys

COMMON_STEPS = {"basic", "singlepart", "multipart", "mixedlen", "b64h", "base64", "qph",
                "fname", ""}


def _family_of_step(step):
    base = re.split(r"[.:,*=]", step)[0] or step
    if base.startswith(("uu", "x-uu")):
        return "uuencode"
    for suffix in ("_type", "_boundary"):
        if base.endswith(suffix):
            return "*" + suffix
    for prefix in ("quote_", "escape_", "semicolon_"):
        if base.startswith(prefix):
            return prefix + "*"
    return base


def family(trick):
    """The trick's first step that not every message has, without its variant suffix."""
    steps = trick.split("-")
    for i, s in enumerate(steps):
        if s in COMMON_STEPS:
            continue
        if s in ("x", "message") and i + 1 < len(steps):
            s = s + "-" + steps[i + 1]
        if s.startswith("multipart."):  # an inner part declared multipart, boundary tricks
            return "inner multipart.*"
        if s.startswith(("ctype.", "cdisp.")):  # hide-filename: where the name is, then how
            return s[6:].split(".")[0] or s
        return _family_of_step(s)
    return trick


def print_truth(misses):
    groups = collections.defaultdict(lambda: collections.defaultdict(set))
    for m in misses:
        groups[(m["suite"], family(m["trick"]))][m["truth"]].add((m["trick"], m["by"]))
    print("\n### sendguard's misses against what mime-is-broken hides, by trick\n")
    print("| suite | trick | messages | missed | test ids (found by) |")
    print("|---|---|---|---|---|")
    def size(kv):
        return -len({t for s in kv[1].values() for t, _ in s})
    for (suite, fam), by_what in sorted(groups.items(), key=lambda kv: (size(kv), kv[0])):
        ids = sorted({t for s in by_what.values() for t in s})
        missed = ", ".join("%s %d" % (w, len(s)) for w, s in sorted(by_what.items()))
        print("| %s | `%s` | %d | %s | %s |" % (
            suite.split("/")[-1], fam, len({t for t, _ in ids}), missed,
            ", ".join("`%s` (%s)" % (t, by) for t, by in ids)))


def print_others(misses):
    print("\n### sendguard's misses in the other suites\n")
    print("| suite | level | message | found by | what sendguard lacks | sendguard has |")
    print("|---|---|---|---|---|---|")
    for m in misses:
        lacks = []
        if m.get("names"):
            lacks.append("name " + ", ".join("`%s`" % n for n in m["names"]))
        if m.get("size") is not None:
            lacks.append("%s of %d bytes" % (m.get("type"), m["size"]))
        sg = m.get("sendguard")
        has = "nothing" if not sg else "%s %s, %d bytes" % (
            "`%s`" % sg["name"] if sg.get("name") else "unnamed", sg.get("type"), sg["size"])
        print("| %s | %d | %s | %s | %s | %s |" % (m["suite"], m["level"],
                                                  m["file"].split("/")[-1], m["by"],
                                                  "; ".join(lacks), has))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: misses.py MISSES.jsonl")
    with open(sys.argv[1], encoding="utf-8") as f:
        misses = [json.loads(line) for line in f]
    print_truth([m for m in misses if m.get("truth")])
    print_others([m for m in misses if not m["suite"].startswith("mime-is-broken")])


if __name__ == "__main__":
    main()
