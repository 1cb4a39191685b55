// 下载: the admin API's exports, fetched with the token (a plain link would carry none) and saved.
import { useState } from '/vendor/preact-hooks.mjs';
import { download } from '../api.js';
import { ActionButton, can, html } from '../ui.js';

const QUARANTINE = [{ file: 'temperatures', label: '体温记录表', permission: 'health:read' }];
const VILLAGE = [
  { file: 'orders', label: '订单', permission: 'orders:read' },
  { file: 'purchase-list', label: '采购清单', permission: 'orders:read' },
  { file: 'delivery-list', label: '送货单', permission: 'orders:read' },
];

/** Files that take a date range: the 台账 (days as columns) and the orders (placed between). */
const RANGED = new Set(['temperatures', 'orders']);

export function DownloadsPage({ me }) {
  const [saved, setSaved] = useState(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const range = (file) =>
    RANGED.has(file)
      ? [from && `from=${from}`, to && `to=${to}`]
          .filter(Boolean)
          .join('&')
          .replace(/^(?=.)/, '?')
      : '';
  const rangeName = from || to ? `-${from || '起'}至${to || '今'}` : '';
  return html`<section>
    <h1>下载</h1>
    <p class="muted">Excel（.xlsx）或 CSV（Excel 可直接打开）。</p>
    <form class="inline" onSubmit=${(e) => e.preventDefault()} aria-label="日期范围">
      <label>从 <input type="date" value=${from} max=${to || undefined} onInput=${(e) => setFrom(e.currentTarget.value)} /></label>
      <label>到 <input type="date" value=${to} min=${from || undefined} onInput=${(e) => setTo(e.currentTarget.value)} /></label>
      <span class="muted small">体温记录表和订单按此范围（最多 60 天）；不填：体温记录表为观察期，订单为全部。</span>
    </form>
    ${saved ? html`<p class="ok" role="status">已保存：${saved}</p>` : null}
    <div class="grid">
      ${me.sites.map((site) => {
        const files = (site.kind === 'village' ? VILLAGE : QUARANTINE).filter((f) => can(me, f.permission));
        if (files.length === 0) return null;
        return html`<article class="card" data-card=${`downloads-${site.id}`}>
          <h2>${site.name}</h2>
          <ul class="list">
            ${files.map(
              (f) => html`<li>
                <span>${f.label}</span>
                <span class="buttons">
                  ${['xlsx', 'csv'].map(
                    (ext) => html`<${ActionButton}
                      label=${`${f.label} ${ext}`}
                      onClick=${async () =>
                        setSaved(
                          await download(
                            `/sites/${site.id}/exports/${f.file}.${ext}${range(f.file)}`,
                            `${site.name}-${f.label}${RANGED.has(f.file) ? rangeName : ''}.${ext}`,
                          ),
                        )}
                      >${ext.toUpperCase()}<//
                    >`,
                  )}
                </span>
              </li>`,
            )}
          </ul>
        </article>`;
      })}
    </div>
  </section>`;
}
