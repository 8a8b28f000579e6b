// Drives Debian's Chromium through the console and the sender's page.
// Run by tests/console_test.sh with BASE, USER_NAME, PASSWORD, LINK and
// ARTIFACTS in the environment; exits non-zero on the first failed step.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const { BASE, USER_NAME, PASSWORD, LINK, ARTIFACTS } = process.env;
const shot = (page, name) => page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
const step = (what) => console.log(`ok: ${what}`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // Log in: a wrong password is refused, the right one gets in.
  await page.goto(`${BASE}/`);
  await page.fill('#user', USER_NAME);
  await page.fill('#password', 'not the password');
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#login-error:has-text("wrong user name or password")');
  await shot(page, 'console-1-login');
  await page.fill('#password', PASSWORD);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#held-list');
  step('logged in');

  // The held messages, with the risky recipient and its suggestion.
  const rows = page.locator('#held-list tr.row');
  assert.equal(await rows.count(), 2, 'two held messages listed');
  // The admin releases the message whose link the sender does not use.
  const linkedId = LINK.split('/').pop().split('.')[0];
  const first = page.locator(`#held-list tr.row:not([data-id="${linkedId}"])`);
  assert.equal(await first.count(), 1);
  assert.match(await first.locator('.risky').first().innerText(), /ops@army\.ml$/);
  assert.match(await first.locator('.suggestion').first().innerText(), /ops@army\.mil/);
  await shot(page, 'console-2-quarantine');
  const id = await first.getAttribute('data-id');
  step('held messages listed with the suggestion');

  // Detail and release to the suggestion, with confirmation.
  await first.click();
  await page.waitForSelector('#release-suggestion');
  assert.match(await page.locator('#reason').innerText(), /did you mean ops@army\.mil/);
  await shot(page, 'console-3-detail');
  await page.click('#release-suggestion');
  await page.waitForSelector('#modal:not([hidden])');
  assert.match(await page.locator('#modal-text').innerText(), /ops@army\.mil/);
  await page.click('#modal-ok');
  await page.waitForSelector('#result.done');
  assert.match(await page.locator('#result').innerText(), /Released to ops@army\.mil/);
  await shot(page, 'console-4-released');
  step('released to the suggestion');

  // Gone from the held list.
  await page.goto(`${BASE}/#/quarantine`);
  await page.waitForSelector('#held-list');
  assert.equal(await page.locator(`#held-list tr.row[data-id="${id}"]`).count(), 0);
  assert.equal(await page.locator('#held-list tr.row').count(), 1);
  step('gone from the held list');

  // Counted on the dashboard: one released, the decisions and the typo domain.
  await page.goto(`${BASE}/#/dashboard`);
  await page.waitForSelector('#count-released');
  assert.equal(await page.locator('#count-released').innerText(), '1');
  assert.equal(await page.locator('#count-held').innerText(), '1');
  // Decision counts are written every 2 s; reload until they are in.
  for (let i = 0; i < 20 && (await page.locator('#top-domains').count()) === 0; i++) {
    await page.waitForTimeout(500);
    await page.reload();
    await page.waitForSelector('#count-released');
  }
  assert.match(await page.locator('#top-domains').innerText(), /army\.ml\s+army\.mil\s+2/);
  assert.ok(await page.locator('#decisions-chart rect').count() >= 1, 'chart has bars');
  await shot(page, 'console-5-dashboard');
  step('counted on the dashboard');

  await page.goto(`${BASE}/#/events`);
  await page.waitForSelector('#events');
  assert.match(await page.locator('#events').innerText(), /released to ops@army\.mil/);
  await page.goto(`${BASE}/#/policy`);
  await page.waitForSelector('#rules');
  assert.match(await page.locator('#rules').innerText(), /mistyped-recipient/);
  await shot(page, 'console-6-policy');
  step('audit log and policy shown');

  // The sender's link fixes the other message.
  const sender = await browser.newPage({ viewport: { width: 900, height: 700 } });
  sender.on('pageerror', (e) => errors.push(e.message));
  await sender.goto(LINK);
  await sender.waitForSelector('#headline');
  assert.match(await sender.locator('#headline').innerText(), /Your message to ops@army\.ml was held/);
  assert.equal(await sender.locator('#suggestion').innerText(), 'ops@army.mil');
  await shot(sender, 'sender-1-held');
  await sender.click('#send-suggestion');
  await sender.waitForSelector('#result.done');
  assert.match(await sender.locator('#result').innerText(), /Sent to ops@army\.mil/);
  await shot(sender, 'sender-2-sent');
  await sender.reload();
  await sender.waitForSelector('#status');
  assert.match(await sender.locator('#status').innerText(), /already released/);
  step('the sender fixed the recipient through the signed link');

  // A forged link is refused.
  await sender.goto(LINK.slice(0, -2) + (LINK.endsWith('AA') ? 'BB' : 'AA'));
  await sender.waitForSelector('#error');
  step('a forged link is refused');

  assert.deepEqual(errors, [], 'no script errors');
} finally {
  await browser.close();
}
