// The sender's page behind a signed link: why the message was held, and
// the choices the link allows. Values are set as text, never as HTML.
'use strict';

const main = document.getElementById('main');
const token = location.pathname.split('/').pop();

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function call(method, path, body) {
  const res = await fetch(path, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) throw new Error((data && data.error) || res.statusText);
  return data;
}

async function show() {
  let m;
  try {
    m = await call('GET', `/api/v1/sender/${encodeURIComponent(token)}`);
  } catch (e) {
    main.replaceChildren(el('h1', {}, 'This link cannot be used'), el('p', { class: 'error', id: 'error' }, e.message));
    return;
  }
  const result = el('p', { id: 'result' });
  const act = async (path, body, button) => {
    for (const b of main.querySelectorAll('button')) b.disabled = true;
    try {
      const r = await call('POST', path, body);
      result.className = 'done';
      result.textContent = r.status === 'released' ? `Sent to ${r.recipients.join(', ')}.` : 'Discarded: the message will not be sent.';
    } catch (e) {
      result.className = 'error';
      result.textContent = e.message;
      for (const b of main.querySelectorAll('button')) b.disabled = false;
    }
    button.blur();
  };
  const written = m.recipients.join(', ');
  const suggested = m.suggested_recipients.join(', ');
  const held = m.status === 'held';
  main.replaceChildren(
    el('h1', { id: 'headline' }, `Your message to ${written} was held`),
    m.has_suggestion ? el('p', { class: 'big' }, 'Did you mean ', el('span', { class: 'suggestion', id: 'suggestion' }, suggested), '?') : null,
    el('div', { class: 'card' },
      el('p', {}, el('b', {}, 'Subject: '), m.subject || '(no subject)'),
      el('p', {}, el('b', {}, 'Why: '), m.reason),
      m.reasons.map((r) => el('p', { class: 'muted' }, `${r.address}: ${r.detail}`))),
    held && m.has_suggestion && !m.can_send_to_suggestion && m.suggestion_refused ?
      el('p', { class: 'error', id: 'suggestion-refused' }, `Cannot be sent to ${suggested}: ${m.suggestion_refused.reason}.`) : null,
    held && m.as_written_refused && m.as_written_refused.rule && m.as_written_refused.rule !== (m.suggestion_refused && m.suggestion_refused.rule) ?
      el('p', { class: 'muted', id: 'as-written-refused' }, `Cannot be sent as written: ${m.as_written_refused.reason}.`) : null,
    held ? el('div', { class: 'actions' },
      m.can_send_to_suggestion ? el('button', { id: 'send-suggestion', onclick: (e) => act(`/api/v1/sender/${token}/release`, { to: 'suggestion' }, e.target) }, `Send to ${suggested}`) : null,
      m.can_send_as_written ? el('button', { id: 'send-as-written', class: 'secondary', onclick: (e) => act(`/api/v1/sender/${token}/release`, { to: 'as-written' }, e.target) }, `Send as written to ${written}`) : null,
      el('button', { id: 'discard', class: 'danger', onclick: (e) => act(`/api/v1/sender/${token}/delete`, {}, e.target) }, 'Discard')) :
      el('p', { class: 'muted', id: 'status' }, `This message was already ${m.status}.`),
    result);
}

show();
