// 消息额度: how much of each group's daily WeChat budget is spent, and what waits and why. WeChat bans
// accounts that send too much; routine answers stop before the reserve kept for reminders and notices.
import { can, html, Loaded, useApi } from '../ui.js';

export function BudgetCard({ me, site }) {
  const res = useApi(can(me, 'outbox:read') ? `/outbox/budget?site=${site.id}` : null);
  if (!can(me, 'outbox:read')) return null;
  return html`<article class="card" data-card="budget">
    <h2>今日消息额度</h2>
    <${Loaded} res=${res} what="消息额度">
      ${(b) => html`<table>
        <thead><tr><th>群</th><th>已发</th><th>等待</th></tr></thead>
        <tbody>
          ${b.items.map(
            (g) => html`<tr>
              <td>${g.room}</td>
              <td class=${g.sentToday >= b.cap - b.reserve ? 'warn' : ''}>${g.sentToday} / ${b.cap}</td>
              <td>${held(g.held) || '—'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="muted">超过 ${b.cap - b.reserve} 条后普通回复暂停，留 ${b.reserve} 条给提醒和通知；紧急告警不限。</p>`}
    <//>
  </article>`;
}

const held = (h) =>
  [h.cap ? `到上限 ${h.cap}` : '', h.merge ? `待合并 ${h.merge}` : '', h.quiet ? `免打扰 ${h.quiet}` : '']
    .filter(Boolean)
    .join('，');
