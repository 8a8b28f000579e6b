"""What noxxi/mime-is-broken says each of its messages hides, and whether a parser found it.

Every message of that suite names its trick and validity in an `X-Payload-Id` header:
`X-Payload-Id: ID valid(N) md5(...) ...`, N from 3 (totally valid) to 0 (definitely off from
standard). hide-content/ hides the file eicar.zip (an archive holding the EICAR test string),
hide-filename/ hides the extension .zip of an attachment's name. So, per message:
- hide-content: "name" = a part named eicar.zip; "payload" = a part from which the EICAR string
  can be read, i.e. whose transfer encoding was decoded well enough for the zip to open: for
  Python and mailparser the payload's first 4 KB they print are opened here (zipfile), for
  sendguard (which prints no payload bytes) the text it read from the part's archive member.
- hide-filename: "name" = a part whose name ends in .zip. Two controls of that suite
  (fname-ctype.png, fname-cdisp.png) carry no .zip name at all and are left out of this count.
"""

import base64
import binascii
import collections
import io
import os
import re
import zipfile

EICAR_NAME = "eicar.zip"
EICAR_TEXT = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE"
INNOCENT_CONTROLS = {"fname-ctype.png", "fname-cdisp.png"}
PAYLOAD_ID = re.compile(rb"^X-Payload-Id:\s*(\S+)\s+valid\((\d)\)", re.M | re.I)


def _head(path):
    with open(path, "rb") as f:
        data = f.read(16384)
    end = data.find(b"\n\n")
    return data if end < 0 else data[:end]


def _payload_id(path):
    if "mime-is-broken" not in path.split(os.sep):
        return None
    return PAYLOAD_ID.search(_head(path))


def validity(path):
    """The suite's validity level (3 valid .. 0 off standard), None outside mime-is-broken."""
    m = _payload_id(path)
    return None if m is None else int(m.group(2))


def trick(path):
    """The trick the message carries: mime-is-broken's test id, else the file name."""
    m = _payload_id(path)
    return m.group(1).decode(errors="replace") if m else os.path.basename(path)


def has_eicar(head_b64):
    """Whether the payload (base64 of its first bytes) holds the EICAR string, as it is or in a
    zip member."""
    try:
        data = base64.b64decode(head_b64 or "")
    except (binascii.Error, ValueError):
        return False
    if EICAR_TEXT.encode() in data:
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(EICAR_TEXT.encode() in z.read(n) for n in z.namelist())
    except Exception:  # not a zip, or a damaged one: the payload was not recovered
        return False


def _names(item):
    out = [item.get("name")] + list(item.get("other_names", []) or [])
    return [n.strip() for n in out if n]


class Truth:
    """Counts, per suite and level, the messages where each parser found the hidden name and
    payload; collects sendguard's misses where another parser found them."""

    def __init__(self, corpus, records):
        self.corpus = corpus
        self.counts = collections.defaultdict(collections.Counter)
        self.misses = []

    def _found(self, suite, parser, items):
        if suite == "hide-content":
            name = any(n == EICAR_NAME for it in items for n in _names(it))
            if parser == "sendguard":
                payload = any(EICAR_TEXT in t for it in items for t in it.get("text_head", []))
            else:
                payload = any(has_eicar(it.get("head")) for it in items)
            return {"name": name, "payload": payload}
        return {"name": any(n.lower().endswith(".zip") for it in items for n in _names(it))}

    def add(self, rel, lv, items):
        parts = rel.split(os.sep)
        if parts[0] != "mime-is-broken":
            return
        suite = parts[1].replace(".d", "")
        if trick(os.path.join(self.corpus, rel)) in INNOCENT_CONTROLS:
            return
        found = {p: self._found(suite, p, items[p]) for p in items}
        key = (suite, lv)
        self.counts[key]["messages"] += 1
        for p, f in found.items():
            for what, ok in f.items():
                self.counts[key][(p, what)] += ok
        for what in found["sendguard"]:
            if found["sendguard"][what]:
                continue
            by = [p for p in ("python", "mailparser") if found[p][what]]
            if by:
                self.misses.append({"file": rel, "suite": "mime-is-broken/" + suite, "level": lv,
                                    "trick": trick(os.path.join(self.corpus, rel)),
                                    "truth": what, "by": ",".join(by)})

    def print_tables(self):
        parsers = ("python", "mailparser", "sendguard")
        for suite, whats in (("hide-content", ("name", "payload")), ("hide-filename", ("name",))):
            keys = sorted(k for k in self.counts if k[0] == suite)
            if not keys:
                continue
            print("\n### mime-is-broken/%s against what the suite hides (%s)\n" % (
                suite, " / ".join(whats)))
            print("| level | messages | " + " | ".join(parsers) + " |")
            print("|---|---|" + "---|" * len(parsers))
            rows = [(str(k[1]), self.counts[k]) for k in keys]
            total = collections.Counter()
            for k in keys:
                total.update(self.counts[k])
            for label, c in rows + [("all", total)]:
                cells = [label, str(c["messages"])]
                for p in parsers:
                    cells.append(" / ".join("%.1f%%" % (100.0 * c[(p, w)] / c["messages"])
                                            for w in whats))
                print("| " + " | ".join(cells) + " |")
