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

export function DownloadsPage({ me }) {
  const [saved, setSaved] = useState(null);
  return html`<section>
    <h1>下载</h1>
    <p class="muted">Excel（.xlsx）或 CSV（Excel 可直接打开）。</p>
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
                            `/sites/${site.id}/exports/${f.file}.${ext}`,
                            `${site.name}-${f.label}.${ext}`,
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
