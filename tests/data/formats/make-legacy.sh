#!/bin/sh
# Regenerates the legacy-format fixtures of the OLE2 and TNEF readers:
# banner.doc, banner.xls, banner.ppt (LibreOffice headless from HTML, CSV
# and flat ODP inputs written here) and winmail.dat (a TNEF stream written by the python3
# generator below, MS-OXTNEF). Each carries the banner SECRET//NOFORN and a
# card number line.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/banner.html" <<'HTML'
<html><body><p>SECRET//NOFORN</p><p>Visa 4111 1111 1111 1111</p><p>Weekly report</p></body></html>
HTML
printf 'SECRET//NOFORN,header\nVisa 4111 1111 1111 1111,card\n' >"$tmp/banner.csv"
soffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to doc:"MS Word 97" \
  --outdir "$tmp" "$tmp/banner.html" >/dev/null 2>&1
soffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to xls:"MS Excel 97" \
  --outdir "$tmp" "$tmp/banner.csv" >/dev/null 2>&1
cat >"$tmp/banner.fodp" <<'FODP'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:body><office:presentation><draw:page draw:name="p1">
<draw:frame svg:x="1cm" svg:y="1cm" svg:width="20cm" svg:height="5cm"><draw:text-box><text:p>SECRET//NOFORN</text:p><text:p>Visa 4111 1111 1111 1111</text:p></draw:text-box></draw:frame>
</draw:page></office:presentation></office:body></office:document>
FODP
soffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to ppt:"MS PowerPoint 97" \
  --outdir "$tmp" "$tmp/banner.fodp" >/dev/null 2>&1
# LibreOffice writes a ~440 KB thumbnail into the .ppt's SummaryInformation:
# the compound file is rewritten without its property-set streams.
cat >"$tmp/cfb.py" <<'CFB'
import struct, sys

def read_cfb(data):
    def sec(n): return data[(n + 1) * 512:(n + 2) * 512]
    hdr = data[:512]
    nfat = struct.unpack_from('<I', hdr, 0x2C)[0]
    dir_start, = struct.unpack_from('<I', hdr, 0x30)
    minifat_start, = struct.unpack_from('<I', hdr, 0x3C)
    difat = struct.unpack_from('<109I', hdr, 0x4C)[:nfat]
    fat = []
    for s in difat: fat += struct.unpack('<128I', sec(s))
    def chain(start):
        out, seen = [], set()
        while start < 0xFFFFFFFA and start not in seen:
            seen.add(start); out.append(start); start = fat[start]
        return out
    dirdata = b''.join(sec(s) for s in chain(dir_start))
    entries = [dirdata[i:i + 128] for i in range(0, len(dirdata), 128)]
    minifat = []
    for s in chain(minifat_start): minifat += struct.unpack('<128I', sec(s))
    root = entries[0]
    ministream = b''.join(sec(s) for s in chain(struct.unpack_from('<I', root, 116)[0]))
    streams = {}
    for e in entries[1:]:
        if e[66] != 2: continue
        n = struct.unpack_from('<H', e, 64)[0]
        name = e[:max(0, n - 2)].decode('utf-16le')
        start, size = struct.unpack_from('<II', e, 116)
        if size < 4096:
            out, s = b'', start
            while s < 0xFFFFFFFA and len(out) < size:
                out += ministream[s * 64:(s + 1) * 64]; s = minifat[s]
        else:
            out = b''.join(sec(s) for s in chain(start))
        streams[name] = out[:size]
    return streams

def write_cfb(streams):
    names = sorted(streams, key=lambda n: (len(n), n.upper()))
    mini, big, mini_start, big_start = b'', [], {}, {}
    for n in names:
        d = streams[n]
        if len(d) < 4096:
            mini_start[n] = len(mini) // 64
            mini += d + b'\0' * (-len(d) % 64)
    minifat = []
    for n in names:
        d = streams[n]
        if len(d) < 4096 and d:
            k = (len(d) + 63) // 64
            s = mini_start[n]
            minifat += list(range(s + 1, s + k)) + [0xFFFFFFFE]
    ndir = (len(names) + 1 + 3) // 4
    nminifat = (len(minifat) * 4 + 511) // 512
    nmini = (len(mini) + 511) // 512
    nbig = sum((len(streams[n]) + 511) // 512 for n in names if len(streams[n]) >= 4096)
    nfat = 1
    while nfat * 128 < nfat + ndir + nminifat + nmini + nbig: nfat += 1
    fat, sectors = [], []
    def alloc(k, marker=None):
        start = len(fat)
        for i in range(k): fat.append(start + i + 1 if i < k - 1 else 0xFFFFFFFE)
        if marker is not None:
            for i in range(k): fat[start + i] = marker
        return start if k else 0xFFFFFFFE
    alloc(nfat, 0xFFFFFFFD)
    dir_s = alloc(ndir); minifat_s = alloc(nminifat); mini_s = alloc(nmini)
    for n in names:
        if len(streams[n]) >= 4096:
            big_start[n] = alloc((len(streams[n]) + 511) // 512)
            big.append(streams[n] + b'\0' * (-len(streams[n]) % 512))
    fat += [0xFFFFFFFF] * (nfat * 128 - len(fat))
    def entry(name, typ, start, size, child=0xFFFFFFFF, right=0xFFFFFFFF):
        n = name.encode('utf-16le') + b'\0\0'
        e = n + b'\0' * (64 - len(n))
        e += struct.pack('<HBBIII', len(n), typ, 1, 0xFFFFFFFF, right, child)
        e += b'\0' * 16 + b'\0' * 4 + b'\0' * 16 + struct.pack('<III', start, size, 0)
        return e
    ents = [entry('Root Entry', 5, mini_s if mini else 0xFFFFFFFE, len(mini), 1 if names else 0xFFFFFFFF)]
    for i, n in enumerate(names):
        d = streams[n]
        start = (mini_start[n] if d else 0xFFFFFFFE) if len(d) < 4096 else big_start[n]
        ents.append(entry(n, 2, start, len(d), right=i + 2 if i + 1 < len(names) else 0xFFFFFFFF))
    dirb = b''.join(ents)
    dirb += (b'\0' * 64 + struct.pack('<HBBIII', 0, 0, 0, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF) + b'\0' * 48) * (ndir * 4 - len(ents))
    mfb = struct.pack('<%dI' % len(minifat), *minifat)
    mfb += b'\xff' * (nminifat * 512 - len(mfb))
    hdr = bytes.fromhex('d0cf11e0a1b11ae1') + b'\0' * 16 + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6)
    hdr += b'\0' * 6 + struct.pack('<IIIIIIIII', 0, nfat, dir_s, 0, 4096,
                                   minifat_s if nminifat else 0xFFFFFFFE, nminifat, 0xFFFFFFFE, 0)
    hdr += struct.pack('<109I', *(list(range(nfat)) + [0xFFFFFFFF] * (109 - nfat)))
    body = struct.pack('<%dI' % len(fat), *fat) + dirb + mfb + mini + b'\0' * (nmini * 512 - len(mini)) + b''.join(big)
    return hdr + body

if __name__ == '__main__':
    s = read_cfb(open(sys.argv[1], 'rb').read())
    for k in list(s):
        if 'SummaryInformation' in k: del s[k]
    open(sys.argv[2], 'wb').write(write_cfb(s))
CFB
python3 "$tmp/cfb.py" "$tmp/banner.ppt" "$here/banner.ppt"
cp "$tmp/banner.doc" "$tmp/banner.xls" "$here/"

python3 - "$here/winmail.dat" <<'PY'
# A minimal TNEF stream (MS-OXTNEF): message attributes (class, subject,
# body), and one attachment (title, data, rendering).
import struct, sys

def attr(level, atype, aid, data):
    tag = (atype << 16) | aid
    return (struct.pack('<BII', level, tag, len(data)) + data +
            struct.pack('<H', sum(data) & 0xFFFF))

MSG, ATT = 1, 2
out = struct.pack('<IH', 0x223E9F78, 0x0001)
out += attr(MSG, 0x0008, 0x9006, struct.pack('<I', 0x00010000))      # attTnefVersion
out += attr(MSG, 0x0001, 0x9007, struct.pack('<I', 1252))            # attOemCodepage
out += attr(MSG, 0x0007, 0x8008, b'IPM.Microsoft Mail.Note\0')       # attMessageClass
out += attr(MSG, 0x0001, 0x8004, b'Quarterly plan\0')                # attSubject
out += attr(MSG, 0x0002, 0x800C,
            b'SECRET//NOFORN\r\nVisa 4111 1111 1111 1111\r\n\0')     # attBody
out += attr(ATT, 0x0006, 0x9002, b'\0' * 14)                         # attAttachRenddata
out += attr(ATT, 0x0001, 0x8010, b'notes.txt\0')                     # attAttachTitle
out += attr(ATT, 0x0006, 0x800F,
            b'Attached notes: SECRET//NOFORN site list\r\n')         # attAttachData
open(sys.argv[1], 'wb').write(out)
PY
