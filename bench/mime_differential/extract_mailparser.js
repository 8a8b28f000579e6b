#!/usr/bin/env node
// npm `mailparser` (simpleParser) as one side of the MIME differential.
//
// Usage: NODE_PATH=/work/diffenv/node_modules node extract_mailparser.js CORPUS_DIR > mp.jsonl
//
// Prints one JSON line per message file under CORPUS_DIR (the same files, in the same order, as
// corpus.py): {"file", "parts": [{"name", "size", "type", "md5", "attachment"}], "error"}.
// `parts` are simpleParser's attachments (name = filename, size = decoded bytes, md5 = base64 of
// the checksum, head = base64 of the first 4 KB; attached messages are parsed in turn, see
// parseParts) followed by its text and
// html bodies (name null, size = UTF-8 bytes of the
// decoded text, so not comparable byte for byte with the raw part). Each message is parsed in a
// child process with a timeout, so one hostile message cannot hang or exhaust the run.

'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const TIMEOUT_MS = 30000;
const SKIP_SUFFIXES = ['.xml', '.out', '.bin', '.md', '.gitattributes', '.pdf', '.url'];
const SKIP_NAMES = new Set(['README.txt', 'ARTISTIC-LICENSE.txt', 'LICENSE', 'README']);

// Mirrors corpus.message_files: sorted relative paths of the message files under root.
function messageFiles(root) {
    const out = [];
    const walk = dir => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (entry.name.startsWith('.')) continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (
                !SKIP_NAMES.has(entry.name) &&
                !SKIP_SUFFIXES.some(s => entry.name.endsWith(s)) &&
                !entry.name.includes('_decoded_')
            ) {
                out.push(path.relative(root, full));
            }
        }
    };
    walk(root);
    // Python sorts by code point; so does this comparison.
    return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function b64OfHex(hex) {
    return hex ? Buffer.from(hex, 'hex').toString('base64').replace(/=+$/, '') : null;
}

const MAX_NESTING = 8;
const HEAD_BYTES = 4096; // payload bytes kept (base64) for truth.py's checks

// simpleParser hands an attached message/rfc822 over as one attachment (the raw message); a
// mail client shows what is inside, so its parts are parsed in turn and listed too. The
// attachment itself stays, with its name and size 0 (a container, like the other extractors'
// message/rfc822 entries).
async function parseParts(source, depth) {
    const { simpleParser } = require('mailparser');
    const mail = await simpleParser(source);
    const parts = [];
    for (const a of mail.attachments || []) {
        const nested = a.contentType === 'message/rfc822' && a.content && depth < MAX_NESTING;
        parts.push({
            name: a.filename === undefined ? null : a.filename,
            size: nested ? 0 : a.content ? a.content.length : a.size,
            type: a.contentType,
            md5: nested ? null : b64OfHex(a.checksum),
            newlines: a.content && !nested ? a.content.filter(b => b === 10).length : 0,
            head: a.content && !nested ? a.content.subarray(0, HEAD_BYTES).toString('base64') : null,
            attachment: true
        });
        if (nested) parts.push(...(await parseParts(a.content, depth + 1)));
    }
    if (typeof mail.text === 'string' && mail.text.length) {
        parts.push({ name: null, size: Buffer.byteLength(mail.text), type: 'text/plain', md5: null, attachment: false });
    }
    if (typeof mail.html === 'string' && mail.html.length) {
        parts.push({ name: null, size: Buffer.byteLength(mail.html), type: 'text/html', md5: null, attachment: false });
    }
    return parts;
}

function parseOne(file) {
    return parseParts(fs.readFileSync(file), 0);
}

function main() {
    if (process.argv[2] === '--one') {
        parseOne(process.argv[3]).then(
            parts => process.stdout.write(JSON.stringify({ parts })),
            err => process.stdout.write(JSON.stringify({ error: String(err && err.message) }))
        );
        return;
    }
    const root = process.argv[2];
    if (!root) {
        process.stderr.write('usage: extract_mailparser.js CORPUS_DIR\n');
        process.exit(2);
    }
    for (const rel of messageFiles(root)) {
        const record = { file: rel, parts: [], error: null };
        const r = spawnSync(process.execPath, [__filename, '--one', path.join(root, rel)], {
            timeout: TIMEOUT_MS,
            maxBuffer: 64 << 20,
            env: process.env
        });
        if (r.error || r.status !== 0) {
            record.error = r.error ? String(r.error.code || r.error) : 'exit ' + r.status + ' ' + String(r.stderr).slice(0, 200);
        } else {
            try {
                const out = JSON.parse(String(r.stdout));
                if (out.error) record.error = out.error;
                else record.parts = out.parts;
            } catch (e) {
                record.error = 'bad output: ' + e.message;
            }
        }
        process.stdout.write(JSON.stringify(record) + '\n');
    }
}

main();
