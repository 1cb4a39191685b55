// An observation site's day: reports per slot with who is missing, open fever alerts (acknowledged in
// place), open and assigned requests (assign, close with a note), releases due.
import { useState } from '/vendor/preact-hooks.mjs';
import { api } from '../api.js';
import {
  ActionButton,
  CATEGORY,
  can,
  html,
  items,
  Loaded,
  SLOT,
  STATUS,
  symptoms,
  useApi,
  when,
} from '../ui.js';

export function QuarantineDay({ me, site, date }) {
  const digest = useApi(`/digests/${site.id}?date=${date}`);
  return html`<div class="grid">
    <article class="card wide" data-card="reports">
      <h2>体温上报</h2>
      <${Loaded} res=${digest} what="读取日报失败">${(d) => html`<${Reports} d=${d} />`}<//>
    </article>
    ${can(me, 'health:read') ? html`<${Night} site=${site} date=${date} />` : null}
    ${can(me, 'health:read') ? html`<${CallFirst} site=${site} />` : null}
    ${can(me, 'health:read') ? html`<${Alerts} me=${me} site=${site} />` : null}
    ${can(me, 'requests:read') ? html`<${Requests} me=${me} site=${site} />` : null}
    <article class="card" data-card="releases">
      <h2>今日应解除观察</h2>
      <${Loaded} res=${digest} what="读取日报失败"
        >${(d) =>
          html`${
            d.releasesDue?.length
              ? html`<ul class="names">${d.releasesDue.map((n) => html`<li>${n}</li>`)}</ul>`
              : html`<p class="muted">今天没有到期解除观察的人员。</p>`
          }${
            d.overdue?.length
              ? html`<p class="missing" data-overdue>
                <span class="label">已到期未解除 ${d.overdue.length} 人：</span>${d.overdue.join('、')}（请解除或延长）
              </p>`
              : null
          }`}<//
      >
    </article>
  </div>`;
}

/** 2105 高某、2107 王某: rooms with names, as in the digest. */
const who = (people, names) =>
  (people ?? names.map((name) => ({ name, room: null })))
    .map((p) => (p.room ? `${p.room} ${p.name}` : p.name))
    .join('、');

function Reports({ d }) {
  const slots = d.slots ?? ['am', 'pm'];
  return html`<p>在观察 <strong>${d.observing}</strong> 人</p>
    <div class="slots">
      ${slots.map((slot) => {
        // Before the slot's report time nobody is late: who has not reported yet is 待报, not 未报.
        const due = !d.due || d.due.includes(slot);
        const missing = d.missing?.[slot] ?? [];
        // A token that may not see names (viewer) gets counts only.
        const count = d.missingCount?.[slot] ?? missing.length;
        const names = missing.length ? who(d.missingPeople?.[slot], missing) : `${count} 人`;
        return html`<div class="slot" data-slot=${slot}>
          <h3>${SLOT[slot]}<span class="count">已报 ${d.reported?.[slot] ?? 0} / ${d.observing}</span></h3>
          ${
            count === 0
              ? html`<p class="ok">全部已报</p>`
              : due
                ? html`<p class="missing"><span class="label">未报：</span>${names}</p>`
                : html`<p class="pending"><span class="label">待报：</span>${names}</p>`
          }
        </div>`;
      })}
    </div>
    ${d.feverCount ? html`<p class="fever-line">发热 ${d.feverCount} 人</p>` : null}
    ${
      d.fever?.length
        ? html`<p class="fever-line">
          发热：${d.fever.map((f) => `${f.name}（${f.room ?? '无房号'}）${f.temperature}°C`).join('；')}
        </p>`
        : null
    }`;
}

/** The night's events, as the 08:30 summary in the staff group says them. */
function Night({ site, date }) {
  const res = useApi(`/sites/${site.id}/night?date=${date}`);
  return html`<article class="card" data-card="night">
    <h2>夜间情况</h2>
    <${Loaded} res=${res} what="读取夜间情况失败"
      >${(n) =>
        n.text
          ? html`<p class="pre">${n.text.split('\n').slice(1).join('\n').replace(/℃/g, '°C')}</p>`
          : html`<p class="muted">昨晚到今早没有发热，也没有紧急需求。</p>`}<//
    >
  </article>`;
}

/** Who to reach first among those who have not reported, the same ranking as the call list. */
function CallFirst({ site }) {
  const res = useApi(`/sites/${site.id}/call-list`);
  return html`<article class="card" data-card="call-first">
    <h2>先联系谁</h2>
    <${Loaded} res=${res} what="读取电话名单失败"
      >${(list) =>
        list.entries.length === 0
          ? html`<p class="ok">${SLOT[list.slot]}报都已报了。</p>`
          : html`<ol class="names">
                ${list.entries.slice(0, 8).map(
                  (e) => html`<li>
                    ${e.room ? `${e.room} ` : ''}${e.name}
                    ${e.why.length ? html`<span class="notice small"> ${e.why.join('；')}</span>` : null}
                  </li>`,
                )}
              </ol>
              <p><a href=${`#/calls/${site.id}`}>电话名单（${list.entries.length} 人）→</a></p>`}<//
    >
  </article>`;
}

/** How long ago, in staff's words: 刚刚, 25 分钟前, 3 小时前. */
function age(iso) {
  const min = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  if (min < 2) return '刚刚';
  if (min < 60) return `${min} 分钟前`;
  if (min < 48 * 60) return `${Math.floor(min / 60)} 小时前`;
  return `${Math.floor(min / 1440)} 天前`;
}

function Alerts({ me, site }) {
  const res = useApi(`/alerts?site=${site.id}&status=open&limit=100`);
  return html`<article class="card" data-card="alerts">
    <h2>未处理的发热提醒</h2>
    <${Loaded} res=${res} what="读取提醒失败"
      >${(page) =>
        page.items.length === 0
          ? html`<p class="muted">没有未处理的提醒。</p>`
          : html`<ul class="list">
              ${page.items.map(
                (a) => html`<li class="alert" data-alert=${a.id}>
                  <div>
                    <a href=${`#/resident/${a.residentId}`}><strong>${a.name}</strong></a>
                    <span class="muted">${a.room ?? ''}</span>
                    ${a.slot ? html`<span class="badge">${a.earlier ? (a.slot === 'pm' ? '昨晚' : '昨早') : SLOT[a.slot]}</span>` : null}
                    ${a.temperature != null ? html`<span class="temp hot">${a.temperature}°C</span>` : null}
                    ${a.symptoms?.length ? html`<span>${symptoms(a.symptoms)}</span>` : null}
                    <div class="muted small">${a.earlier ? '补报于 ' : ''}${when(a.raisedAt)}（${age(a.raisedAt)}）</div>
                  </div>
                  ${
                    can(me, 'health:write')
                      ? html`<${ActionButton}
                        kind="primary"
                        label=${`确认 ${a.name} 的提醒`}
                        onClick=${async () => {
                          await api(`/alerts/${a.id}/ack`, { method: 'POST', body: {} });
                          res.reload();
                        }}
                        >确认已处理<//
                      >`
                      : null
                  }
                </li>`,
              )}
            </ul>`}<//
    >
  </article>`;
}

function Requests({ me, site }) {
  const open = useApi(`/requests?site=${site.id}&status=open&limit=100`);
  const assigned = useApi(`/requests?site=${site.id}&status=assigned&limit=100`);
  const reload = () => {
    open.reload();
    assigned.reload();
  };
  return html`<article class="card wide" data-card="requests">
    <h2>待办需求</h2>
    <${Loaded} res=${open} what="读取需求失败"
      >${(p1) => {
        const all = [...p1.items, ...(assigned.data?.items ?? [])].sort(
          (a, b) => Number(b.urgent) - Number(a.urgent) || a.id - b.id,
        );
        if (all.length === 0) return html`<p class="muted">没有待办需求。</p>`;
        return html`<ul class="list">
          ${all.map((r) => html`<${RequestRow} key=${r.id} r=${r} me=${me} onChange=${reload} />`)}
        </ul>`;
      }}<//
    >
  </article>`;
}

function RequestRow({ r, me, onChange }) {
  const [mode, setMode] = useState(null);
  const [value, setValue] = useState('');
  const act = async () => {
    const body = mode === 'assign' ? { to: value.trim() } : value.trim() ? { note: value.trim() } : {};
    await api(`/requests/${r.id}/${mode}`, { method: 'POST', body });
    setMode(null);
    setValue('');
    onChange();
  };
  return html`<li class=${`request${r.urgent ? ' urgent' : ''}`} data-request=${r.ref}>
    <div>
      ${r.urgent ? html`<span class="badge hot">紧急</span>` : null}
      <strong>${r.ref}</strong>${' '}
      <a href=${`#/resident/${r.residentId}`}>${r.name}</a>
      <span class="muted">${r.room ?? ''}</span>
      <span class="badge">${CATEGORY[r.category] ?? r.category}</span>
      <span class="badge">${STATUS[r.status] ?? r.status}${r.assignee ? `：${r.assignee}` : ''}</span>
      <div>${items(r.items) || r.text}</div>
      <div class="muted small">${when(r.createdAt)}</div>
    </div>
    ${
      can(me, 'requests:write')
        ? mode
          ? html`<form
            class="inline"
            onSubmit=${(e) => {
              e.preventDefault();
            }}
          >
            <input
              aria-label=${mode === 'assign' ? '指派给' : '办结说明'}
              placeholder=${mode === 'assign' ? '指派给谁（如 王医生）' : '办结说明（可不填）'}
              value=${value}
              onInput=${(e) => setValue(e.currentTarget.value)}
            />
            <${ActionButton} kind="primary" onClick=${act}>${mode === 'assign' ? '指派' : '确认办结'}<//>
            <button type="button" class="link" onClick=${() => setMode(null)}>取消</button>
          </form>`
          : html`<div class="buttons">
            <button onClick=${() => setMode('assign')}>指派</button>
            <button onClick=${() => setMode('close')}>办结</button>
          </div>`
        : null
    }
  </li>`;
}
