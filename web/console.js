// sendguard console: review held mail, the dashboard, the audit log and the
// policy. Plain DOM; every value from the server is set as text, never as
// HTML. State-changing requests carry the session's CSRF token.
'use strict';

const state = { user: null, csrf: null };
const main = document.getElementById('main');

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (res.status === 401 && path !== '/api/v1/login') { showLogin(); throw new Error('log in first'); }
  if (!res.ok) throw new Error((data && data.error) || res.statusText);
  return data;
}

function when(seconds) {
  return seconds ? new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '';
}

function confirmAction(text) {
  const modal = document.getElementById('modal');
  document.getElementById('modal-text').textContent = text;
  modal.hidden = false;
  return new Promise((resolve) => {
    const done = (v) => { modal.hidden = true; ok.onclick = cancel.onclick = null; resolve(v); };
    const ok = document.getElementById('modal-ok');
    const cancel = document.getElementById('modal-cancel');
    ok.onclick = () => done(true);
    cancel.onclick = () => done(false);
    ok.focus();
  });
}

function setNav(view) {
  document.getElementById('nav').hidden = !state.user;
  document.getElementById('logout').hidden = !state.user;
  document.getElementById('who').textContent = state.user ? state.user : '';
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.view === view);
}

function showLogin(message) {
  state.user = null; state.csrf = null;
  setNav('');
  const err = el('p', { class: 'error', id: 'login-error' }, message || '');
  const user = el('input', { id: 'user', autocomplete: 'username', required: true });
  const pass = el('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = el('form', { class: 'card login', id: 'login' },
    el('h1', {}, 'Log in'),
    el('label', { for: 'user' }, 'User'), user,
    el('label', { for: 'password' }, 'Password'), pass,
    err,
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Log in')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await api('POST', '/api/v1/login', { user: user.value, password: pass.value });
      state.user = r.user; state.csrf = r.csrf;
      if (!location.hash || location.hash === '#/login') location.hash = '#/quarantine';
      route();
    } catch (e) { err.textContent = e.message; }
  });
  main.replaceChildren(form);
  user.focus();
}

function recipientCell(held) {
  const verdicts = held.verdicts || [];
  return held.recipients.map((r) => {
    const v = verdicts.find((x) => x.address === r);
    const risky = v && v.reasons && v.reasons.some((x) => ['tld-typo', 'typo', 'homoglyph', 'missing-dot'].includes(x.code));
    return el('div', {},
      el('span', { class: risky ? 'risky' : '' }, r),
      v && v.suggestion ? el('span', { class: 'suggestion' }, ' → ', v.suggestion) : null);
  });
}

async function showQuarantine() {
  setNav('quarantine');
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const status = params.get('status') || 'held';
  const q = params.get('q') || '';
  const data = await api('GET', `/api/v1/quarantine?status=${encodeURIComponent(status)}&q=${encodeURIComponent(q)}&limit=100`);
  const search = el('input', { id: 'search', placeholder: 'Search sender, recipient, subject, rule', value: q, size: 40 });
  const select = el('select', { id: 'status' }, ['held', 'released', 'deleted', 'all'].map((s) => el('option', { value: s, selected: s === status }, s)));
  const apply = () => { location.hash = `#/quarantine?status=${select.value}&q=${encodeURIComponent(search.value)}`; };
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') apply(); });
  select.addEventListener('change', apply);
  const rows = data.items.map((h) => el('tr', { class: 'row', 'data-id': h.id, onclick: () => { location.hash = `#/message/${h.id}`; } },
    el('td', {}, when(h.created)),
    el('td', {}, h.mail_from),
    el('td', {}, recipientCell(h)),
    el('td', {}, h.subject),
    el('td', {}, el('div', {}, h.rule), el('div', { class: 'muted' }, h.reason)),
    el('td', {}, (h.findings || []).map((f) => el('span', { class: `pill ${f.confidence}` }, f.detector))),
    el('td', {}, h.status)));
  main.replaceChildren(
    el('h1', {}, 'Quarantine'),
    el('div', { class: 'toolbar' }, search, select, el('button', { class: 'secondary', onclick: apply }, 'Search')),
    rows.length ? el('table', { id: 'held-list' },
      el('tr', {}, ['Held', 'From', 'Recipients', 'Subject', 'Rule and reason', 'Findings', 'Status'].map((t) => el('th', {}, t))),
      rows) : el('p', { class: 'muted', id: 'empty' }, 'No messages.'));
}

async function showMessage(id) {
  setNav('quarantine');
  const h = await api('GET', `/api/v1/quarantine/${id}`);
  const result = el('p', { id: 'result' });
  const act = async (question, path, body) => {
    if (!(await confirmAction(question))) return;
    try {
      const r = await api('POST', path, body);
      result.className = 'done';
      result.textContent = r.status === 'released' ? `Released to ${r.recipients.join(', ')}.` : 'Deleted.';
      for (const b of main.querySelectorAll('.actions button')) b.disabled = true;
    } catch (e) { result.className = 'error'; result.textContent = e.message; }
  };
  const held = h.status === 'held';
  const suggested = h.suggested_recipients.join(', ');
  main.replaceChildren(
    el('p', {}, el('a', { href: '#/quarantine' }, '← Quarantine')),
    el('h1', {}, h.subject || '(no subject)'),
    el('div', { class: 'card' }, el('dl', { class: 'kv' },
      el('dt', {}, 'From'), el('dd', {}, h.mail_from),
      el('dt', {}, 'Recipients'), el('dd', {}, recipientCell(h)),
      el('dt', {}, 'Held'), el('dd', {}, when(h.created)),
      el('dt', {}, 'Rule'), el('dd', {}, h.rule),
      el('dt', {}, 'Reason'), el('dd', { id: 'reason' }, h.reason),
      el('dt', {}, 'Status'), el('dd', { id: 'status-text' }, h.status, h.note ? ` (${h.note}, by ${h.actor})` : ''),
      el('dt', {}, 'Size'), el('dd', {}, `${h.size} bytes`))),
    el('h2', {}, 'Recipients'),
    el('table', {}, el('tr', {}, ['Address', 'Risk', 'Why', 'Did you mean'].map((t) => el('th', {}, t))),
      (h.verdicts || []).map((v) => el('tr', {},
        el('td', { class: v.suggestion ? 'risky' : '' }, v.address),
        el('td', {}, v.risk),
        el('td', {}, (v.reasons || []).map((r) => el('div', {}, el('b', {}, r.code), ' ', r.detail))),
        el('td', { class: 'suggestion' }, v.suggestion || '')))),
    el('h2', {}, 'Findings'),
    (h.findings || []).length ? el('table', {}, el('tr', {}, ['Detector', 'Confidence', 'Count', 'Where', 'Sample (masked)'].map((t) => el('th', {}, t))),
      h.findings.map((f) => el('tr', {}, el('td', {}, f.detector), el('td', {}, f.confidence), el('td', {}, f.count),
        el('td', {}, f.where), el('td', {}, el('code', {}, f.sample), f.detail ? el('div', { class: 'muted' }, f.detail) : '')))) : el('p', { class: 'muted' }, 'No sensitive content found.'),
    el('h2', {}, 'Not inspected'),
    (h.uninspected || []).length ? el('table', { id: 'uninspected' }, el('tr', {}, ['Kind', 'Where', 'Why'].map((t) => el('th', {}, t))),
      h.uninspected.map((u) => el('tr', {}, el('td', {}, u.kind), el('td', {}, u.where), el('td', {}, u.detail)))) : el('p', { class: 'muted' }, 'Every part was read.'),
    el('div', { class: 'actions' },
      h.has_suggestion ? el('button', { id: 'release-suggestion', disabled: !held, onclick: () => act(`Release to ${suggested}?`, `/api/v1/quarantine/${id}/release`, { to_suggestion: true }) }, `Release to ${suggested}`) : null,
      el('button', { id: 'release', class: 'secondary', disabled: !held, onclick: () => act(`Release as written to ${h.recipients.join(', ')}?`, `/api/v1/quarantine/${id}/release`, {}) }, 'Release as written'),
      el('button', { id: 'delete', class: 'danger', disabled: !held, onclick: () => act('Delete this message? It will not be delivered.', `/api/v1/quarantine/${id}/delete`, {}) }, 'Delete')),
    result);
}

const palette = ['#1f5fbf', '#b3261e', '#d9822b', '#1e7a3c', '#8e44ad', '#5a6570', '#0f8b8d', '#c2185b'];

function barChart(days, series) {
  // Stacked bars: one per day, one colour per series (rule).
  const w = 900, h = 220, left = 36, bottom = 28, top = 10;
  const totals = days.map((d) => series.reduce((s, x) => s + (x.counts[d] || 0), 0));
  const max = Math.max(1, ...totals);
  const slot = (w - left - 10) / Math.max(1, days.length);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('id', 'decisions-chart');
  const add = (tag, attrs, text) => {
    const n = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (text !== undefined) n.textContent = text;
    svg.append(n);
    return n;
  };
  const plot = h - top - bottom;
  add('text', { x: left - 6, y: top + 10, 'text-anchor': 'end' }, String(max));
  add('text', { x: left - 6, y: top + plot, 'text-anchor': 'end' }, '0');
  days.forEach((d, i) => {
    let y = top + plot;
    series.forEach((s, k) => {
      const n = s.counts[d] || 0;
      if (!n) return;
      const bh = plot * n / max;
      y -= bh;
      const r = add('rect', { x: left + i * slot + slot * 0.15, y, width: Math.max(1, slot * 0.7), height: bh, fill: palette[k % palette.length], 'data-day': d, 'data-rule': s.name });
      const t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      t.textContent = `${d} ${s.name}: ${n}`;
      r.append(t);
    });
    if (i % Math.ceil(days.length / 8) === 0) add('text', { x: left + i * slot + slot / 2, y: h - 8, 'text-anchor': 'middle' }, d.slice(5));
  });
  return svg;
}

async function showDashboard() {
  setNav('dashboard');
  const s = await api('GET', '/api/v1/stats?days=30');
  const days = [];
  for (let t = Date.parse(s.since + 'T00:00:00Z'); days.length < s.days; t += 86400000) days.push(new Date(t).toISOString().slice(0, 10));
  const byRule = new Map();
  let decisions = 0;
  for (const r of s.per_day) {
    if (r.action === 'accept' && r.rule === '-') { decisions += r.count; continue; }
    decisions += r.count;
    const name = `${r.rule} (${r.action})`;
    if (!byRule.has(name)) byRule.set(name, { name, counts: {} });
    byRule.get(name).counts[r.day] = (byRule.get(name).counts[r.day] || 0) + r.count;
  }
  const series = [...byRule.values()];
  const q = s.quarantine;
  main.replaceChildren(
    el('h1', {}, 'Dashboard'),
    el('div', { class: 'cards' },
      el('div', { class: 'card' }, el('b', { id: 'count-decisions' }, decisions), 'decisions, 30 days'),
      el('div', { class: 'card' }, el('b', { id: 'count-held' }, q.held || 0), 'held now'),
      el('div', { class: 'card' }, el('b', { id: 'count-released' }, q.released || 0), 'released'),
      el('div', { class: 'card' }, el('b', { id: 'count-deleted' }, q.deleted || 0), 'deleted')),
    el('h2', {}, 'Held and rejected per day, by rule'),
    el('div', { class: 'card' }, barChart(days, series),
      el('div', { class: 'legend' }, series.map((x, k) => el('span', {}, el('i', { style: `background:${palette[k % palette.length]}` }), x.name)))),
    el('h2', {}, 'Top typo domains caught'),
    s.top_typo_domains.length ? el('table', { id: 'top-domains' }, el('tr', {}, ['Domain', 'Meant', 'Messages'].map((t) => el('th', {}, t))),
      s.top_typo_domains.map((d) => el('tr', {}, el('td', { class: 'risky' }, d.domain), el('td', { class: 'suggestion' }, d.intended), el('td', {}, d.count))))
      : el('p', { class: 'muted' }, 'None caught in this period.'));
}

async function showEvents() {
  setNav('events');
  const e = await api('GET', '/api/v1/events?limit=200');
  main.replaceChildren(el('h1', {}, 'Audit log'),
    el('table', { id: 'events' }, el('tr', {}, ['#', 'Time', 'Event', 'Message', 'By', 'Detail'].map((t) => el('th', {}, t))),
      e.items.map((x) => el('tr', {}, el('td', {}, x.seq), el('td', {}, when(x.time)), el('td', {}, x.kind),
        el('td', {}, x.quarantine_id ? el('a', { href: `#/message/${x.quarantine_id}` }, x.quarantine_id.slice(0, 8)) : ''),
        el('td', {}, x.actor), el('td', {}, x.detail)))));
}

async function showPolicy() {
  setNav('policy');
  const p = await api('GET', '/api/v1/policy');
  const cond = (r) => [r.recipients ? `recipients ${JSON.stringify(r.recipients)}` : null, r.content ? `content ${JSON.stringify(r.content)}` : null,
    r.encrypted !== undefined ? `encrypted: ${r.encrypted}` : null,
    r.uninspected !== undefined ? `uninspected: ${JSON.stringify(r.uninspected)}` : null].filter(Boolean).join('; ');
  main.replaceChildren(el('h1', {}, 'Policy'),
    el('div', { class: 'card' }, el('dl', { class: 'kv' },
      el('dt', {}, 'Mode'), el('dd', {}, p.mode), el('dt', {}, 'On error'), el('dd', {}, p.on_error),
      el('dt', {}, 'Suspect recipients'), el('dd', {}, p.suspects),
      el('dt', {}, 'Own domains'), el('dd', {}, p.own_domains.join(', ') || '—'),
      el('dt', {}, 'Trusted domains'), el('dd', {}, p.trusted_domains.join(', ') || '—'))),
    el('h2', {}, 'Rules (first match wins)'),
    el('table', { id: 'rules' }, el('tr', {}, ['Rule', 'When', 'Action', 'Reason'].map((t) => el('th', {}, t))),
      p.rules.map((r) => el('tr', {}, el('td', {}, r.name), el('td', {}, el('code', {}, cond(r))), el('td', {}, r.action), el('td', {}, r.reason)))));
}

async function route() {
  if (!state.user) return showLogin();
  const hash = location.hash || '#/quarantine';
  try {
    if (hash.startsWith('#/message/')) return await showMessage(hash.slice(10).split('?')[0]);
    if (hash.startsWith('#/dashboard')) return await showDashboard();
    if (hash.startsWith('#/events')) return await showEvents();
    if (hash.startsWith('#/policy')) return await showPolicy();
    return await showQuarantine();
  } catch (e) {
    if (state.user) main.replaceChildren(el('p', { class: 'error' }, e.message));
  }
}

document.getElementById('logout').addEventListener('click', async () => {
  try { await api('POST', '/api/v1/logout'); } catch (e) { /* gone already */ }
  showLogin('Logged out.');
});
window.addEventListener('hashchange', route);
(async () => {
  try {
    const s = await fetch('/api/v1/session', { credentials: 'same-origin' });
    if (s.ok) { const j = await s.json(); state.user = j.user; state.csrf = j.csrf; }
  } catch (e) { /* not logged in */ }
  route();
})();
