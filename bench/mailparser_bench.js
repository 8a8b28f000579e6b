// Reference run for scan_bench: the npm package mailparser (simpleParser)
// over the same messages, for at least --seconds seconds.
//
//   node mailparser_bench.js [--seconds S] PATH...
//
// Prints one line ending in "messages/s=N" that scan_bench reads.
'use strict';
const fs = require('fs');
const path = require('path');
const { simpleParser } = require('mailparser');

function collect(p, out) {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    const hasMaildir = ['cur', 'new'].some((d) => fs.existsSync(path.join(p, d)));
    const subdirs = hasMaildir ? ['cur', 'new'].filter((d) => fs.existsSync(path.join(p, d))) : null;
    const entries = subdirs
      ? subdirs.flatMap((d) => fs.readdirSync(path.join(p, d)).sort().map((f) => path.join(d, f)))
      : fs.readdirSync(p).filter((f) => !f.startsWith('.')).sort();
    for (const e of entries) collect(path.join(p, e), out);
    return;
  }
  const data = fs.readFileSync(p);
  const isMbox = data.subarray(0, 5).toString('latin1') === 'From ' || /\.(mbox|mbx)$/i.test(p);
  if (!isMbox) {
    out.push(data);
    return;
  }
  const text = data.toString('latin1');
  for (const chunk of text.split(/^From .*\r?\n/m)) {
    if (chunk.trim().length > 0) out.push(Buffer.from(chunk, 'latin1'));
  }
}

async function main() {
  const args = process.argv.slice(2);
  let seconds = 5;
  const paths = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--seconds') seconds = Number(args[++i]);
    else paths.push(args[i]);
  }
  const messages = [];
  for (const p of paths) collect(p, messages);
  const bytes = messages.reduce((n, m) => n + m.length, 0);
  for (const m of messages) await simpleParser(m).catch(() => null);  // warm-up
  const start = process.hrtime.bigint();
  let done = 0;
  let passes = 0;
  let elapsed = 0;
  while (elapsed < seconds) {
    for (const m of messages) await simpleParser(m).catch(() => null);
    done += messages.length;
    passes++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `mailparser: ${messages.length} messages x ${passes} passes in ${elapsed.toFixed(2)} s: ` +
      `${((bytes * passes) / elapsed / 1e6).toFixed(1)} MB/s, peak RSS ${rss.toFixed(1)} MB, ` +
      `messages/s=${(done / elapsed).toFixed(0)}`
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
