// 花名册: import a roster file (CSV or XLSX) with a preview of bad rows before anything is written, and
// the residents under observation with extend / release.
import { useState } from '/vendor/preact-hooks.mjs';
import { api } from '../api.js';
import { ActionButton, can, day, ErrorNote, html, Loaded, STATUS, useApi } from '../ui.js';
import { SitePicker } from './dashboard.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the roster route takes for a file, from its name (browsers often leave CSV's blank). */
function typeOf(file) {
  if (/\.xlsx$/i.test(file.name)) return XLSX;
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  return file.type || 'application/octet-stream';
}

export function RosterPage({ me, siteId }) {
  const sites = me.sites.filter((s) => s.kind === 'quarantine');
  const site = sites.find((s) => String(s.id) === siteId) ?? sites[0];
  if (!site) return html`<p class="muted">这个令牌没有观察点。</p>`;
  return html`<section>
    <${SitePicker} me=${me} siteId=${site.id} base="roster" kinds=${['quarantine']} />
    <h1>${site.name} · 花名册</h1>
    ${can(me, 'registry:write') ? html`<${Import} key=${site.id} site=${site} />` : null}
    <${Residents} me=${me} site=${site} />
  </section>`;
}

function Import({ site }) {
  const [file, setFile] = useState(null);
  const [preview, setPreview] = useState(null);
  const [done, setDone] = useState(null);
  const [error, setError] = useState(null);
  const send = async (dryRun) => {
    const q = `dryRun=${dryRun}&filename=${encodeURIComponent(file.name)}`;
    return api(`/sites/${site.id}/roster?${q}`, { method: 'POST', body: file, type: typeOf(file) });
  };
  const check = async () => {
    setError(null);
    setDone(null);
    setPreview(null);
    try {
      setPreview(await send(true));
    } catch (e) {
      setError(e);
    }
  };
  const commit = async () => {
    setError(null);
    try {
      setDone(await send(false));
      setPreview(null);
    } catch (e) {
      setError(e);
      if (e.body?.errors) setPreview({ ...e.body, rows: preview?.rows ?? 0 });
    }
  };
  return html`<article class="card wide" data-card="import">
    <h2>导入名单</h2>
    <p class="muted small">CSV 或 Excel（.xlsx）文件，第一行为表头：姓名、房间号、入住日期，可选 观察天数、手机号、微信昵称。先检查，无误再导入；有任何错误都不会写入。</p>
    <div class="inline">
      <input
        type="file"
        accept=".csv,.xlsx,text/csv,${XLSX}"
        aria-label="名单文件"
        onChange=${(e) => {
          setFile(e.currentTarget.files?.[0] ?? null);
          setPreview(null);
          setDone(null);
          setError(null);
        }}
      />
      <${ActionButton} onClick=${check} kind=${file ? '' : 'disabled'}>检查<//>
    </div>
    ${!file ? null : html`<p class="small">已选：${file.name}</p>`}
    <${ErrorNote} error=${error} what="导入失败" />
    ${preview ? html`<${Preview} p=${preview} onCommit=${commit} />` : null}
    ${
      done
        ? html`<p class="ok" role="status" data-import-done>
          已导入 ${done.rows} 行：新增 ${done.created} 人，更新 ${done.updated} 人。
        </p>`
        : null
    }
  </article>`;
}

const FIELD = {
  name: '姓名',
  room: '房间号',
  start: '入住日期',
  days: '观察天数',
  phone: '手机号',
  wechat: '微信昵称',
};

function Preview({ p, onCommit }) {
  const bad = p.errorCount ?? p.errors?.length ?? 0;
  const shown = p.errors?.length ?? 0;
  const warnings = p.warnings ?? [];
  return html`<div class="preview" data-preview>
    ${
      bad
        ? html`<p>
            共 ${p.rows} 行，<strong class="hot">${bad} 处错误</strong>${shown < bad ? `（下面列出前 ${shown} 处）` : ''}。整份名单都不会写入：请改好文件后重新检查。
          </p>`
        : html`<p>共 ${p.rows} 行，没有发现错误：将新增 ${p.created} 人、更新 ${p.updated} 人。</p>`
    }
    ${
      bad
        ? html`<table class="errors">
          <thead><tr><th>行号</th><th>列</th><th>问题</th></tr></thead>
          <tbody>
            ${p.errors.map(
              (e) =>
                html`<tr data-error-row=${e.row}><td>第 ${e.row} 行</td><td>${FIELD[e.field] ?? e.field ?? ''}</td><td>${e.message}</td></tr>`,
            )}
          </tbody>
        </table>`
        : html`<${ActionButton} kind="primary" onClick=${onCommit}>确认导入<//>`
    }
    ${
      warnings.length
        ? html`<div class="notice small" data-warnings>
            <p>请核对（仍会导入）：</p>
            <ul>${warnings.map((w) => html`<li>${w.message}</li>`)}</ul>
          </div>`
        : null
    }
  </div>`;
}

// Rooms in human order (1-101, 1-201, 10-103), as the digest and the 台账 list them.
const rooms = new Intl.Collator('zh-Hans-CN', { numeric: true });
const byRoom = (a, b) =>
  rooms.compare(a.room ?? '\uffff', b.room ?? '\uffff') || rooms.compare(a.name, b.name);

function Residents({ me, site }) {
  const [status, setStatus] = useState('observing');
  const [q, setQ] = useState('');
  const query = `/residents?site=${site.id}&status=${status}&limit=200${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`;
  const res = useApi(query);
  const write = can(me, 'registry:write');
  return html`<article class="card wide" data-card="residents">
    <h2>住户</h2>
    <div class="inline">
      <select aria-label="状态" value=${status} onChange=${(e) => setStatus(e.currentTarget.value)}>
        ${['observing', 'released', 'hospital', 'left'].map((s) => html`<option value=${s}>${STATUS[s]}</option>`)}
      </select>
      <input type="search" placeholder="姓名、昵称或手机号" aria-label="搜索" value=${q} onInput=${(e) => setQ(e.currentTarget.value)} />
    </div>
    <${Loaded} res=${res} what="读取名单失败"
      >${(page) =>
        page.items.length === 0
          ? html`<p class="muted">没有住户。</p>`
          : html`<table class="residents">
              <thead><tr><th>房间</th><th>姓名</th><th>入住</th><th>预计解除</th><th></th></tr></thead>
              <tbody>
                ${[...page.items].sort(byRoom).map(
                  (r) => html`<tr data-resident=${r.name}>
                    <td>${r.room ?? ''}</td>
                    <td><a href=${`#/resident/${r.id}`}>${r.name}</a>${r.wechat ? html`<div class="muted small">${r.wechat}</div>` : null}</td>
                    <td>${day(r.startDate)}</td>
                    <td>${day(r.plannedEndDate)}</td>
                    <td class="buttons">
                      ${
                        write && r.status === 'observing'
                          ? html`<${ActionButton}
                              label=${`延长 ${r.name}`}
                              onClick=${async () => {
                                const days = window.prompt(`${r.name}：延长几天？（1–60）`, '7');
                                if (days === null) return;
                                await api(`/residents/${r.id}/extend`, {
                                  method: 'POST',
                                  body: { days: Number(days) },
                                });
                                res.reload();
                              }}
                              >延长<//
                            >
                            <${ActionButton}
                              label=${`解除 ${r.name}`}
                              confirm=${`确认解除 ${r.name} 的观察？`}
                              onClick=${async () => {
                                await api(`/residents/${r.id}/release`, { method: 'POST', body: {} });
                                res.reload();
                              }}
                              >解除<//
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
