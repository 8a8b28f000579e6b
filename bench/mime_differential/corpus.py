"""Shared helpers for the MIME differential: which files of a corpus are messages.

Every extractor walks the corpus the same way, so that their JSON lines can be joined by the
relative path of the message file.
"""

import os

# Files in the fetched suites that are not messages: expected outputs, licences, notes.
SKIP_SUFFIXES = (".xml", ".out", ".bin", ".md", ".gitattributes", ".pdf", ".url")
SKIP_NAMES = {"README.txt", "ARTISTIC-LICENSE.txt", "LICENSE", "README"}
# Decoded parts the mime4j suite keeps next to each .msg (expected outputs, not input).
SKIP_MARKERS = ("_decoded_",)


def message_files(root):
    """Yields (relative path, absolute path) of every message file under root, sorted."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or name in SKIP_NAMES:
                continue
            if name.endswith(SKIP_SUFFIXES) or any(m in name for m in SKIP_MARKERS):
                continue
            full = os.path.join(dirpath, name)
            out.append((os.path.relpath(full, root), full))
    return sorted(out)
