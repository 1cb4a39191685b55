// 待处理消息: what the bot could not place, for staff to read and mark handled with a note.
import { useState } from '/vendor/preact-hooks.mjs';
import { api } from '../api.js';
import { ActionButton, can, html, Loaded, useApi, when } from '../ui.js';

export function ReviewPage({ me }) {
  const [site, setSite] = useState('');
  const res = useApi(`/messages?status=unplaced&limit=100${site ? `&site=${site}` : ''}`);
  return html`<section>
    <h1>待处理消息</h1>
    <p class="muted">机器人没能识别的消息都保留在这里，请人工查看；处理后写一句说明。</p>
    ${
      me.sites.length > 1
        ? html`<select aria-label="站点" value=${site} onChange=${(e) => setSite(e.currentTarget.value)}>
          <option value="">全部站点</option>
          ${me.sites.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
        </select>`
        : null
    }
    <${Loaded} res=${res} what="读取消息失败"
      >${(page) =>
        page.items.length === 0
          ? html`<p class="muted">没有待处理的消息。</p>`
          : html`<ul class="list">
              ${page.items.map((m) => html`<${Row} key=${m.id} m=${m} me=${me} onDone=${res.reload} />`)}
            </ul>`}<//
    >
  </section>`;
}

function Row({ m, me, onDone }) {
  const [note, setNote] = useState('');
  return html`<li class="message" data-message=${m.id}>
    <div>
      <strong>${m.talkerName}</strong> <span class="muted small">${m.topic ?? ''} · ${when(m.sentAt)}</span>
      <div class="text">${m.text}</div>
      ${m.note ? html`<div class="muted small">${m.note}</div>` : null}
    </div>
    ${
      can(me, 'messages:review')
        ? html`<form class="inline" onSubmit=${(e) => e.preventDefault()}>
          <input placeholder="处理说明（可不填）" aria-label="处理说明" value=${note} onInput=${(e) => setNote(e.currentTarget.value)} />
          <${ActionButton}
            onClick=${async () => {
              await api(`/messages/${m.id}/review`, {
                method: 'POST',
                body: note.trim() ? { note: note.trim() } : {},
              });
              onDone();
            }}
            >已处理<//
          >
        </form>`
        : null
    }
  </li>`;
}
