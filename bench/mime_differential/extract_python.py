#!/usr/bin/env python3
"""Python's `email` package (policy=email.policy.default) as one side of the MIME differential.

Usage: extract_python.py CORPUS_DIR > python.jsonl

Prints one JSON line per message file under CORPUS_DIR:
  {"file": REL, "parts": [{"name", "size", "type", "md5", "newlines", "head", "attachment"}],
   "defects": [...], "error": null | "..."}
`parts` are the leaves of walk() (message/rfc822 is descended into, as walk() does, and listed
itself with its name and size 0); `size` is len(get_payload(decode=True)); `md5` is the base64
MD5 of that payload without padding (as in the other extractors); `newlines` counts the LF bytes in it (parsers differ
on LF versus CRLF in text parts); `head` is the base64 of its first 4 KB; `defects` are the class names of every defect Python
recorded on any part.
"""

import base64
import email
import email.policy
import hashlib
import json
import signal
import sys

from corpus import message_files

TIMEOUT_SECONDS = 30
HEAD_BYTES = 4096  # payload bytes kept (base64) for truth.py's checks


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def md5_b64(data):
    return base64.b64encode(hashlib.md5(data).digest()).decode().rstrip("=")


def leaf(part):
    try:
        name = part.get_filename()
    except Exception as e:  # a header Python cannot fold into a value
        name = None
        part.defects.append(type(e))
    payload = part.get_payload(decode=True)
    if payload is None:
        payload = b""
    return {
        "name": None if name is None else str(name),
        "size": len(payload),
        "type": part.get_content_type(),
        "md5": md5_b64(payload),
        "newlines": payload.count(b"\n"),
        "head": base64.b64encode(payload[:HEAD_BYTES]).decode(),
        "attachment": part.is_attachment(),
    }


def container(part):
    """An attached message: walk() goes on into its parts; its own name is kept, size 0."""
    try:
        name = part.get_filename()
    except Exception as e:
        name = None
        part.defects.append(type(e))
    return {"name": None if name is None else str(name), "size": 0,
            "type": part.get_content_type(), "md5": None, "attachment": part.is_attachment()}


def extract(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    parts, defects = [], []
    for part in msg.walk():
        defects.extend(d.__name__ if isinstance(d, type) else type(d).__name__
                       for d in part.defects)
        if not part.is_multipart():
            parts.append(leaf(part))
        elif part.get_content_type() == "message/rfc822":
            parts.append(container(part))
    return parts, defects


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: extract_python.py CORPUS_DIR")
    signal.signal(signal.SIGALRM, _alarm)
    for rel, full in message_files(sys.argv[1]):
        record = {"file": rel, "parts": [], "defects": [], "error": None}
        signal.alarm(TIMEOUT_SECONDS)
        try:
            record["parts"], record["defects"] = extract(full)
        except Timeout:
            record["error"] = "timeout"
        except Exception as e:
            record["error"] = "%s: %s" % (type(e).__name__, e)
        finally:
            signal.alarm(0)
        print(json.dumps(record, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
