// 电话名单: who of an observation site has still not reported in a slot after the group reminder, the
// @提醒 and the private message — ranked, with what was tried — and a place to record each call.
import { useState } from '/vendor/preact-hooks.mjs';
import { api } from '../api.js';
import { ActionButton, can, day, html, Loaded, SLOT, today, useApi, when } from '../ui.js';
import { SitePicker } from './dashboard.js';

export function CallListPage({ me, siteId }) {
  const sites = me.sites.filter((s) => s.kind === 'quarantine');
  const site = sites.find((s) => String(s.id) === siteId) ?? sites[0];
  const [slot, setSlot] = useState('');
  if (!site) return html`<p class="muted">这个令牌没有可查看的观察点。</p>`;
  const date = today(site.zone);
  const res = useApi(`/sites/${site.id}/call-list?date=${date}${slot ? `&slot=${slot}` : ''}`);
  return html`<section>
    <${SitePicker} me=${me} siteId=${site.id} base="calls" kinds=${['quarantine']} />
    <h1>${site.name} · 电话名单 <small>${day(date)}</small></h1>
    <p class="muted">
      群里提醒、@提醒和私信之后仍未报体温的人，按先后排好：近两天发热或有症状的在前，常漏报的其次。
      打完请记下结果；接通时问到的体温记为本次上报（电话）。未接通的 30 分钟后再排回来。
    </p>
    <label>
      班次
      <select value=${slot} onChange=${(e) => setSlot(e.currentTarget.value)} aria-label="班次">
        <option value="">当前</option>
        <option value="am">早报</option>
        <option value="pm">晚报</option>
      </select>
    </label>
    <${Loaded} res=${res} what="读取电话名单失败"
      >${(list) =>
        list.entries.length === 0
          ? html`<p class="muted">${SLOT[list.slot]}报都已报了，不用打电话。</p>`
          : html`<p>${SLOT[list.slot]}报还有 <strong>${list.entries.length}</strong> 人未报：</p>
              <ol class="list calls">
                ${list.entries.map(
                  (e) =>
                    html`<${Entry} key=${e.residentId} e=${e} me=${me} siteId=${site.id} onDone=${res.reload} />`,
                )}
              </ol>`}<//
    >
  </section>`;
}

function Entry({ e, me, siteId, onDone }) {
  const [temperature, setTemperature] = useState('');
  const [note, setNote] = useState('');
  const record = async (outcome) => {
    const t = temperature.trim();
    await api(`/sites/${siteId}/call-list/outcomes`, {
      method: 'POST',
      body: {
        residentId: e.residentId,
        outcome,
        ...(t && (outcome === 'reached' || outcome === 'visited') ? { temperature: Number(t) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    setTemperature('');
    setNote('');
    onDone();
  };
  return html`<li class="call" data-resident=${e.residentId}>
    <div>
      <strong>${e.room ? `${e.room} ` : ''}${e.name}</strong>
      ${e.phone ? html` <a href=${`tel:${e.phone}`}>${e.phone}</a>` : null}
      ${e.why.length ? html`<div class="notice small">${e.why.join('；')}</div>` : null}
      <div class="muted small">已试：${e.tried}</div>
      ${e.tryAgainAt ? html`<div class="muted small">${when(e.tryAgainAt)} 后再打</div>` : null}
    </div>
    ${
      can(me, 'health:write')
        ? html`<form class="inline" onSubmit=${(ev) => ev.preventDefault()}>
          <input
            inputmode="decimal"
            maxlength="4"
            placeholder="体温 °C"
            aria-label="体温"
            value=${temperature}
            onInput=${(ev) => setTemperature(ev.currentTarget.value)}
          />
          <input
            maxlength="200"
            placeholder="备注（可不填）"
            aria-label="备注"
            value=${note}
            onInput=${(ev) => setNote(ev.currentTarget.value)}
          />
          <${ActionButton} kind="primary" onClick=${() => record('reached')}>已接通<//>
          <${ActionButton} onClick=${() => record('no-answer')}>未接通<//>
          <${ActionButton} onClick=${() => record('visited')}>已上门<//>
          ${
            can(me, 'registry:write')
              ? html`<${ActionButton}
                  confirm=${`确认 ${e.name} 已转院？转院后结束观察。`}
                  onClick=${() => record('transferred')}
                  >已转院<//
                >`
              : null
          }
        </form>`
        : null
    }
  </li>`;
}
