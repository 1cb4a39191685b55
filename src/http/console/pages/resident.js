// A resident: where they are in their observation (第 N 天 / 共 14 天), a chart of their temperatures per
// slot with the site's fever line, symptoms, requests and the messages they sent.
import { api } from '../api.js';
import {
  ActionButton,
  CATEGORY,
  can,
  day,
  html,
  items,
  Loaded,
  STATUS,
  symptoms,
  useApi,
  when,
} from '../ui.js';

export function ResidentPage({ me, id }) {
  const res = useApi(`/residents/${encodeURIComponent(id)}/timeline`);
  return html`<section>
    <${Loaded} res=${res} what="读取住户失败">${(t) => html`<${Timeline} me=${me} t=${t} reload=${res.reload} />`}<//>
  </section>`;
}

function Timeline({ me, t, reload }) {
  const r = t.resident;
  const site = me.sites.find((s) => s.id === r.siteId);
  const threshold = useApi(`/sites/${r.siteId}`);
  return html`<h1>
      ${r.name} <small>${r.room ?? '无房号'} · ${STATUS[r.status] ?? r.status}</small>
    </h1>
    <p class="progress" data-progress>
      ${
        t.dayOfObservation != null
          ? html`第 <strong>${t.dayOfObservation}</strong> 天 / 共 ${t.observationDays} 天`
          : html`观察期 ${t.observationDays} 天`
      }
      <span class="muted"> · ${day(r.startDate)} 起，预计 ${day(r.plannedEndDate)} 解除</span>
      ${site ? html`<span class="muted"> · ${site.name}</span>` : null}
    </p>
    ${r.status === 'observing' && can(me, 'registry:write') ? html`<${Lifecycle} r=${r} reload=${reload} />` : null}
    <article class="card wide">
      <h2>体温曲线</h2>
      <${TemperatureChart} days=${t.days} threshold=${threshold.data?.feverThreshold ?? 37.3} />
    </article>
    <div class="grid">
      <article class="card">
        <h2>每日记录</h2>
        <table class="days">
          <thead><tr><th>日期</th><th>早</th><th>晚</th></tr></thead>
          <tbody>
            ${[...t.days].reverse().map(
              (d) => html`<tr>
                <td>${day(d.day)}<div class="muted small">第 ${d.dayNumber} 天</div></td>
                ${['am', 'pm'].map((s) => html`<td><${SlotCell} slot=${d[s]} /></td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </article>
      <article class="card">
        <h2>提醒</h2>
        ${
          t.alerts.length === 0
            ? html`<p class="muted">没有提醒。</p>`
            : html`<ul class="list">
              ${t.alerts.map(
                (a) => html`<li>
                  <div>
                    <span class=${a.acknowledgedAt ? '' : 'temp hot'}>${a.temperature != null ? `${a.temperature}°C` : ''}</span>
                    ${symptoms(a.symptoms)} <span class="muted small">${when(a.raisedAt)}</span>
                    <div class="small">${a.acknowledgedAt ? `已由 ${a.acknowledgedBy ?? ''} 确认` : '未处理'}</div>
                  </div>
                </li>`,
              )}
            </ul>`
        }
      </article>
      <article class="card">
        <h2>需求</h2>
        ${
          t.requests.length === 0
            ? html`<p class="muted">没有需求。</p>`
            : html`<ul class="list">
              ${t.requests.map(
                (q) => html`<li>
                  <div>
                    ${q.urgent ? html`<span class="badge hot">紧急</span>` : null}
                    <strong>${q.ref}</strong> <span class="badge">${CATEGORY[q.category] ?? q.category}</span>
                    <span class="badge">${STATUS[q.status] ?? q.status}</span>
                    <div>${items(q.items)}</div>
                    <div class="muted small">${when(q.createdAt)}</div>
                  </div>
                </li>`,
              )}
            </ul>`
        }
      </article>
      <article class="card">
        <h2>群消息</h2>
        ${
          !can(me, 'messages:read')
            ? html`<p class="muted">当前令牌无权查看聊天消息。</p>`
            : t.messages.length === 0
              ? html`<p class="muted">没有消息。</p>`
              : html`<ul class="messages">
                ${t.messages.map((m) => html`<li><span class="muted small">${when(m.at)}</span> ${m.text}</li>`)}
              </ul>`
        }
      </article>
    </div>`;
}

function SlotCell({ slot }) {
  if (!slot) return html`<span class="muted">未报</span>`;
  return html`<span class=${slot.fever ? 'temp hot' : 'temp'}>${slot.temperature != null ? `${slot.temperature}°C` : '正常'}</span>
    ${slot.symptoms?.length ? html`<div class="small">${symptoms(slot.symptoms)}</div>` : null}`;
}

function Lifecycle({ r, reload }) {
  const extend = async () => {
    const days = window.prompt('延长几天？（1–60）', '7');
    if (days === null) return;
    await api(`/residents/${r.id}/extend`, { method: 'POST', body: { days: Number(days) } });
    reload();
  };
  const release = async () => {
    await api(`/residents/${r.id}/release`, { method: 'POST', body: {} });
    reload();
  };
  return html`<div class="buttons">
    <${ActionButton} onClick=${extend}>延长观察<//>
    <${ActionButton} onClick=${release} confirm=${`确认解除 ${r.name} 的观察？`}>解除观察<//>
  </div>`;
}

/**
 * An inline SVG line of the temperatures, two points a day (早, 晚), gaps where nothing was reported,
 * and a dashed line at the site's fever threshold. Drawn by us: no chart library, no external resource.
 */
export function TemperatureChart({ days, threshold }) {
  const points = days.flatMap((d, i) =>
    ['am', 'pm'].map((s, j) => ({
      x: i * 2 + j,
      t: d[s]?.temperature ?? null,
      fever: d[s]?.fever,
      label: `${day(d.day)} ${s === 'am' ? '早' : '晚'}`,
    })),
  );
  const values = points.map((p) => p.t).filter((t) => t != null);
  if (values.length === 0) return html`<p class="muted">还没有体温记录。</p>`;
  const lo = Math.min(35.5, ...values) - 0.2;
  const hi = Math.max(threshold + 0.7, ...values) + 0.2;
  const W = 640;
  const H = 220;
  const pad = { l: 60, r: 12, t: 24, b: 34 };
  const n = Math.max(points.length - 1, 1);
  const x = (i) => pad.l + (i / n) * (W - pad.l - pad.r);
  const y = (t) => pad.t + ((hi - t) / (hi - lo)) * (H - pad.t - pad.b);
  // Segments break at missing reports rather than drawing a line across them.
  const segments = [];
  let run = [];
  for (const p of points) {
    if (p.t == null) {
      if (run.length) segments.push(run);
      run = [];
    } else run.push(p);
  }
  if (run.length) segments.push(run);
  const ticks = [];
  for (let v = Math.ceil(lo * 2) / 2; v <= hi; v += 0.5) ticks.push(v);
  return html`<svg class="chart" viewBox=${`0 0 ${W} ${H}`} role="img" aria-label="体温曲线">
    ${ticks.map(
      (v) => html`<g>
        <line x1=${pad.l} x2=${W - pad.r} y1=${y(v)} y2=${y(v)} class="grid-line" />
        <text x=${pad.l - 4} y=${y(v) + 4} text-anchor="end" class="axis">${v.toFixed(1)}</text>
      </g>`,
    )}
    <text x=${pad.l - 4} y=${pad.t - 2} text-anchor="end" class="axis">°C</text>
    <line x1=${pad.l} x2=${W - pad.r} y1=${y(threshold)} y2=${y(threshold)} class="fever-threshold" data-threshold=${threshold} />
    <text x=${W - pad.r} y=${y(threshold) - 4} text-anchor="end" class="axis hot">发热线 ${threshold}°C</text>
    ${days.map((d, i) =>
      i % Math.ceil(days.length / 7) === 0
        ? html`<text x=${x(i * 2)} y=${H - 8} text-anchor="middle" class="axis">${day(d.day)}</text>`
        : null,
    )}
    ${segments.map(
      (s) => html`<polyline class="temp-line" points=${s.map((p) => `${x(p.x)},${y(p.t)}`).join(' ')} />`,
    )}
    ${points
      .filter((p) => p.t != null)
      .map(
        (
          p,
        ) => html`<circle cx=${x(p.x)} cy=${y(p.t)} r="4" class=${p.fever || p.t >= threshold ? 'dot hot' : 'dot'}>
          <title>${p.label} ${p.t}°C</title>
        </circle>`,
      )}
  </svg>`;
}
