#!/usr/bin/env python3
"""sendguard (`sendguard inspect --json FILE`) as one side of the MIME differential.

Usage: extract_sendguard.py SENDGUARD_BINARY CORPUS_DIR > sendguard.jsonl

Prints one JSON line per message file under CORPUS_DIR:
  {"file", "parts": [{"name", "size", "type", "md5", "attachment", "other_names"}],
   "defects": [...], "limits": [...], "uninspected": [...], "error"}
`parts` are the leaves of sendguard's part tree (parts no other part names as parent), and each
message/rfc822 part with its name and size 0 (its parts follow as leaves); `size`
is the decoded size inspect reports; `md5` is null (inspect prints no payload bytes).
`other_names` carries the names other header readings give a part, when inspect prints them;
`text_head` the first characters of each text segment sendguard extracted from the part
(archive members included), which shows whether a payload was decoded and read.
"""

import json
import subprocess
import sys

from corpus import message_files

TIMEOUT_SECONDS = 60
TEXT_HEAD = 80  # characters kept of each text segment read from a part


def leaves(parsed):
    parts = parsed.get("parts", [])
    parents = {p.get("parent") for p in parts}
    heads = {}
    for t in parsed.get("texts", []):
        heads.setdefault(t.get("part"), []).append(t.get("text", "")[:TEXT_HEAD])
    out = []
    for i, p in enumerate(parts):
        container = i in parents or p.get("content_type", "").startswith("multipart/")
        if container and p.get("content_type") != "message/rfc822":
            continue
        out.append({
            "name": p.get("filename"),
            "size": 0 if container else p.get("size", 0),
            "type": p.get("content_type", ""),
            "md5": None,
            "attachment": bool(p.get("attachment")),
            "other_names": p.get("other_filenames", []),
            "text_head": heads.get(i, []),
        })
    return out


def extract(binary, path):
    r = subprocess.run([binary, "inspect", "--json", path], capture_output=True,
                       timeout=TIMEOUT_SECONDS)
    if r.returncode != 0:
        raise RuntimeError("exit %d: %s" % (r.returncode, r.stderr.decode(errors="replace")[:200]))
    parsed = json.loads(r.stdout.decode("utf-8", errors="replace"))
    return {
        "parts": leaves(parsed),
        "defects": [d.get("code") for d in parsed.get("defects", [])],
        "limits": [d.get("limit") for d in parsed.get("limits", [])],
        "uninspected": [d.get("kind") for d in parsed.get("uninspected", [])],
    }


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: extract_sendguard.py SENDGUARD_BINARY CORPUS_DIR")
    binary, root = sys.argv[1], sys.argv[2]
    for rel, full in message_files(root):
        record = {"file": rel, "parts": [], "defects": [], "error": None}
        try:
            record.update(extract(binary, full))
        except subprocess.TimeoutExpired:
            record["error"] = "timeout"
        except Exception as e:
            record["error"] = "%s: %s" % (type(e).__name__, e)
        print(json.dumps(record, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
