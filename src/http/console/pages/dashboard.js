// 今日概况: one site's day. Observation sites: reports per slot with who is missing, open fever alerts
// (acknowledged in place), open and urgent requests (assign, close with a note), releases due. Villages:
// open orders, the purchase list, the delivery list, water bookings. Each card loads on its own, so a
// route the service does not offer yet shows its own polite error and the rest still work.
import { useState } from '/vendor/preact-hooks.mjs';
import { api } from '../api.js';
import {
  ActionButton,
  CATEGORY,
  can,
  day,
  html,
  items,
  Loaded,
  PART,
  SLOT,
  STATUS,
  symptoms,
  today,
  useApi,
  when,
} from '../ui.js';

export function SitePicker({ me, siteId, base, kinds }) {
  const sites = me.sites.filter((s) => !kinds || kinds.includes(s.kind));
  if (sites.length < 2) return null;
  return html`<nav class="tabs" aria-label="站点">
    ${sites.map(
      (s) =>
        html`<a href=${`#/${base}/${s.id}`} class=${s.id === siteId ? 'current' : ''}
          >${s.name}<span class="kind">${s.kind === 'village' ? '村' : '观察点'}</span></a
        >`,
    )}
  </nav>`;
}

export function DashboardPage({ me, siteId }) {
  const site = me.sites.find((s) => String(s.id) === siteId) ?? me.sites[0];
  if (!site) return html`<p class="muted">这个令牌没有可查看的站点。</p>`;
  const date = today(site.zone);
  return html`<section>
    <${SitePicker} me=${me} siteId=${site.id} base="site" />
    <h1>${site.name} · 今日概况 <small>${day(date)}</small></h1>
    ${
      site.kind === 'village'
        ? html`<${VillageDay} me=${me} site=${site} date=${date} />`
        : html`<${QuarantineDay} me=${me} site=${site} date=${date} />`
    }
  </section>`;
}

function QuarantineDay({ me, site, date }) {
  const digest = useApi(`/digests/${site.id}?date=${date}`);
  return html`<div class="grid">
    <article class="card wide" data-card="reports">
      <h2>体温上报</h2>
      <${Loaded} res=${digest} what="读取日报失败">${(d) => html`<${Reports} d=${d} />`}<//>
    </article>
    ${can(me, 'health:read') ? html`<${Alerts} me=${me} site=${site} />` : null}
    ${can(me, 'requests:read') ? html`<${Requests} me=${me} site=${site} />` : null}
    <article class="card" data-card="releases">
      <h2>今日应解除观察</h2>
      <${Loaded} res=${digest} what="读取日报失败"
        >${(d) =>
          d.releasesDue?.length
            ? html`<ul class="names">${d.releasesDue.map((n) => html`<li>${n}</li>`)}</ul>`
            : html`<p class="muted">今天没有到期解除观察的人员。</p>`}<//
      >
    </article>
  </div>`;
}

function Reports({ d }) {
  return html`<p>在观察 <strong>${d.observing}</strong> 人</p>
    <div class="slots">
      ${['am', 'pm'].map(
        (slot) => html`<div class="slot" data-slot=${slot}>
          <h3>${SLOT[slot]}<span class="count">已报 ${d.reported?.[slot] ?? 0} / ${d.observing}</span></h3>
          ${
            d.missing?.[slot]?.length
              ? html`<p class="missing"><span class="label">未报：</span>${d.missing[slot].join('、')}</p>`
              : html`<p class="ok">全部已报</p>`
          }
        </div>`,
      )}
    </div>
    ${
      d.fever?.length
        ? html`<p class="fever-line">
          发热：${d.fever.map((f) => `${f.name}（${f.room ?? '无房号'}）${f.temperature}℃`).join('；')}
        </p>`
        : null
    }`;
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
                    ${a.temperature != null ? html`<span class="temp hot">${a.temperature}℃</span>` : null}
                    ${a.symptoms?.length ? html`<span>${symptoms(a.symptoms)}</span>` : null}
                    <div class="muted small">${when(a.raisedAt)}</div>
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

function VillageDay({ me, site, date }) {
  if (!can(me, 'orders:read')) return html`<${VillageDigest} site=${site} date=${date} />`;
  return html`<div class="grid">
    <${VillageDigest} site=${site} date=${date} />
    <${Orders} me=${me} site=${site} />
    <${PurchaseList} site=${site} />
    <${DeliveryList} site=${site} date=${date} />
    <${Water} site=${site} />
  </div>`;
}

function VillageDigest({ site, date }) {
  const digest = useApi(`/digests/${site.id}?date=${date}`);
  return html`<article class="card" data-card="village-digest">
    <h2>今日汇总</h2>
    <${Loaded} res=${digest} what="读取日报失败"
      >${(d) => html`<p>订单 <strong>${d.orders}</strong> 单，未送达 <strong>${d.undelivered}</strong> 单</p>
        ${d.text ? html`<pre class="digest">${d.text}</pre>` : null}`}<//
    >
  </article>`;
}

function Orders({ me, site }) {
  const res = useApi(`/orders?site=${site.id}&status=open&limit=100`);
  return html`<article class="card wide" data-card="orders">
    <h2>未完成的订单</h2>
    <${Loaded} res=${res} what="读取订单失败"
      >${(page) =>
        page.items.length === 0
          ? html`<p class="muted">没有未完成的订单。</p>`
          : html`<table>
              <thead><tr><th>单号</th><th>谁</th><th>送到</th><th>要什么</th><th>时间</th><th></th></tr></thead>
              <tbody>
                ${page.items.map(
                  (o) => html`<tr data-order=${o.ref ?? o.number}>
                    <td>${o.ref ?? o.number}</td>
                    <td>${o.customer ?? ''}${o.household && o.household !== o.customer ? html`<div class="muted small">${o.household}</div>` : null}</td>
                    <td>${o.villageGroup ?? o.place ?? ''}</td>
                    <td>${items(o.items)}</td>
                    <td class="small">${when(o.createdAt)}</td>
                    <td>
                      ${
                        can(me, 'orders:write')
                          ? html`<${ActionButton}
                            onClick=${async () => {
                              await api(`/orders/${o.id}/bought`, { method: 'POST', body: {} });
                              res.reload();
                            }}
                            >已买<//
                          >`
                          : null
                      }
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`}<//
    >
  </article>`;
}

function PurchaseList({ site }) {
  const res = useApi(`/sites/${site.id}/purchase-list`);
  return html`<article class="card" data-card="purchase">
    <h2>采购清单</h2>
    <${Loaded} res=${res} what="读取采购清单失败"
      >${(l) =>
        l.items.length === 0
          ? html`<p class="muted">没有要买的东西。</p>`
          : html`<table>
              <thead><tr><th>物品</th><th>数量</th><th>订单数</th></tr></thead>
              <tbody>
                ${l.items.map(
                  (i) =>
                    html`<tr><td>${i.name}</td><td>${i.qty ?? '?'}${i.unit ?? ''}</td><td>${i.orders}</td></tr>`,
                )}
              </tbody>
            </table>`}<//
    >
  </article>`;
}

function DeliveryList({ site, date }) {
  const res = useApi(`/sites/${site.id}/delivery-list?date=${date}`);
  return html`<article class="card" data-card="delivery">
    <h2>今日送货单</h2>
    <${Loaded} res=${res} what="读取送货单失败"
      >${(l) =>
        l.stops.length === 0
          ? html`<p class="muted">今天没有要送的。</p>`
          : html`<ol class="stops">
              ${l.stops.map(
                (s) => html`<li>
                  <strong>${s.who}</strong> <span class="muted">${[s.villageGroup, s.place].filter(Boolean).join(' ')}</span>
                  ${s.phone ? html` <a href=${`tel:${s.phone}`}>${s.phone}</a>` : null}
                  ${s.orders.map((o) => html`<div>#${o.number} ${typeof o.items === 'string' ? o.items : items(o.items)}</div>`)}
                  ${s.water.map((w) => html`<div>水 ${w.qty} 桶（${PART[w.part] ?? w.part ?? '时间未定'}）</div>`)}
                </li>`,
              )}
            </ol>`}<//
    >
  </article>`;
}

function Water({ site }) {
  const res = useApi(`/water?site=${site.id}&status=booked&limit=100`);
  return html`<article class="card" data-card="water">
    <h2>送水预约</h2>
    <${Loaded} res=${res} what="读取送水预约失败"
      >${(page) =>
        page.items.length === 0
          ? html`<p class="muted">没有待送的水。</p>`
          : html`<ul class="list">
              ${page.items.map(
                (w) => html`<li>
                  <div><strong>${w.customer ?? ''}</strong> ${w.qty} 桶 → ${w.deliverTo ?? '未说地点'}
                  <div class="muted small">${day(w.day)} ${PART[w.part] ?? ''}</div></div>
                </li>`,
              )}
            </ul>`}<//
    >
  </article>`;
}
