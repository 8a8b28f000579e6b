#!/usr/bin/env python3
"""Writes seeds for embedded_fuzz into DIR: the first byte picks the reading
(0 HTML hidden text, 1 the decoders, 2 a text body through the readers)."""

import binascii
import io
import os
import sys
import zipfile
import zlib

HQX = "!\"#$%&'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr"


def uuencode(name, data):
    out = b"begin 644 " + name + b"\n"
    for i in range(0, len(data), 45):
        out += binascii.b2a_uu(data[i:i + 45], backtick=True)
    return out + b"`\nend\n"


def yenc(name, data):
    body = bytearray()
    for b in data:
        c = (b + 42) & 255
        if c in (0, 10, 13, 61):
            body += b"=" + bytes([(c + 64) & 255])
        else:
            body.append(c)
    return (b"=ybegin line=128 size=%d name=%s\n" % (len(data), name) + bytes(body) +
            b"\n=yend size=%d crc32=%08x\n" % (len(data), zlib.crc32(data)))


def binhex(name, data):
    head = bytes([len(name)]) + name + b"\0TEXTttxt\0\0"
    head += len(data).to_bytes(4, "big") + (0).to_bytes(4, "big")
    raw = head + binascii.crc_hqx(head, 0).to_bytes(2, "big")
    raw += data + binascii.crc_hqx(data, 0).to_bytes(2, "big") + b"\0\0"
    raw = raw.replace(b"\x90", b"\x90\x00") + b"x\x90\x05"  # and one run
    bits = "".join(format(b, "08b") for b in raw)
    bits += "0" * (-len(bits) % 6)
    chars = ":" + "".join(HQX[int(bits[i:i + 6], 2)] for i in range(0, len(bits), 6)) + ":"
    lines = "\n".join(chars[i:i + 64] for i in range(0, len(chars), 64))
    return b"(This file must be converted with BinHex 4.0)\n" + lines.encode() + b"\n"


def main():
    out = sys.argv[1]
    secret = b"SECRET//NOFORN SSN 078-05-1120\n"
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("inner.txt", secret)
    html = (b"<html><head><title>t</title><style>p::before{content:'x'}/*c*/</style></head>"
            b"<body><!-- SECRET --><!--[if mso]><td>mso</td><![endif]--><img alt=a title=b>"
            b"<span style='display:none'>h</span><div hidden>d</div><p>SEC<span "
            b"style='font-size:0'>x</span>RET</p><noscript>n</noscript><script>s</script>")
    seeds = {
        "html": b"\0" + html,
        "uu": b"\1" + uuencode(b"a.txt", secret) + b"begin-base64 644 b\nU0VDUkVU\n====\n",
        "yenc": b"\1" + yenc(b"a.bin", bytes(range(256))),
        "binhex": b"\1" + binhex(b"Memo", secret + b"\x90\x90"),
        "body": b"\2Hello\n" + uuencode(b"a.zip", zipped.getvalue()) + yenc(b"b.txt", secret),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
