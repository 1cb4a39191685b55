// A village's day: the digest, open orders (bought, with what was paid), the purchase list, today's
// delivery list, water bookings (delivered).
import { api } from '../api.js';
import { ActionButton, can, day, html, items, Loaded, PART, useApi, when } from '../ui.js';

export function VillageDay({ me, site, date }) {
  if (!can(me, 'orders:read')) return html`<${VillageDigest} site=${site} date=${date} />`;
  return html`<div class="grid">
    <${VillageDigest} site=${site} date=${date} />
    <${Orders} me=${me} site=${site} />
    <${PurchaseList} site=${site} />
    <${DeliveryList} site=${site} date=${date} />
    <${Water} me=${me} site=${site} />
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
                    <td class="ref">${o.ref ?? o.number}</td>
                    <td>${o.customer ?? ''}${o.household && o.household !== o.customer ? html`<div class="muted small">${o.household}</div>` : null}</td>
                    <td>${o.villageGroup ?? o.place ?? ''}</td>
                    <td>${items(o.items)}</td>
                    <td class="small">${when(o.createdAt)}</td>
                    <td>
                      ${
                        can(me, 'orders:write')
                          ? html`<${ActionButton}
                            onClick=${async () => {
                              const paid = window.prompt(
                                `${o.ref ?? o.number}：垫付了多少元？（可不填）`,
                                '',
                              );
                              if (paid === null) return;
                              const cost = Number(paid.trim());
                              const body = paid.trim() && Number.isFinite(cost) && cost >= 0 ? { cost } : {};
                              await api(`/orders/${o.id}/bought`, { method: 'POST', body });
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

function Water({ me, site }) {
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
                  ${
                    can(me, 'orders:write')
                      ? html`<${ActionButton}
                          label=${`${w.customer ?? ''} 的水已送达`}
                          onClick=${async () => {
                            await api(`/water/${w.id}/delivered`, { method: 'POST', body: {} });
                            res.reload();
                          }}
                          >已送达<//
                        >`
                      : null
                  }
                </li>`,
              )}
            </ul>`}<//
    >
  </article>`;
}
