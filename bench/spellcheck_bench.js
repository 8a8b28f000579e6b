// Reference run for recipients_bench: the npm packages mailcheck and
// @zootools/email-spell-checker judging the same addresses against the same
// domain list.
//
//   node spellcheck_bench.js CASES.json [--seconds S]
//
// CASES.json: {"domains": [...], "cases": [{"address": "...", "expected": "..." | null}]}
// where expected is the corrected address for a typo and null for an
// address that is right as written. Prints one line per library:
//   NAME: typos_fixed=A/B wrong_suggestions=C clean_flagged=D/E lookups/s=N
'use strict';
const fs = require('fs');
const mailcheck = require('mailcheck');
const zoo = require('@zootools/email-spell-checker');

const args = process.argv.slice(2);
const input = JSON.parse(fs.readFileSync(args[0], 'utf8'));
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : 3;

const domains = input.domains;
const tlds = [...new Set(domains.map((d) => d.slice(d.indexOf('.') + 1)))];
const slds = [...new Set(domains.map((d) => d.slice(0, d.indexOf('.'))))];

const libraries = {
  mailcheck: (email) => {
    const s = mailcheck.suggest(email, domains, slds, tlds);
    return s ? s.full : null;
  },
  'email-spell-checker': (email) => {
    const s = zoo.run({ email, domains, topLevelDomains: tlds, secondLevelDomains: slds });
    return s ? s.full : null;
  },
};

for (const [name, suggest] of Object.entries(libraries)) {
  let fixed = 0, typos = 0, wrong = 0, cleanFlagged = 0, clean = 0;
  for (const c of input.cases) {
    const got = suggest(c.address);
    if (c.expected) {
      typos++;
      if (got === c.expected) fixed++;
      else if (got) wrong++;
    } else {
      clean++;
      if (got && got !== c.address) cleanFlagged++;
    }
  }
  const start = process.hrtime.bigint();
  let done = 0;
  let elapsed = 0;
  while (elapsed < seconds) {
    for (const c of input.cases) suggest(c.address);
    done += input.cases.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  console.log(`${name}: typos_fixed=${fixed}/${typos} wrong_suggestions=${wrong} ` +
              `clean_flagged=${cleanFlagged}/${clean} lookups/s=${(done / elapsed).toFixed(0)}`);
}
