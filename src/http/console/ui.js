// Small pieces every page shares: loading an API resource, errors shown politely, dates and labels.
import { html } from '/vendor/htm-preact.mjs';
import { useCallback, useEffect, useState } from '/vendor/preact-hooks.mjs';
import { api } from './api.js';

export { html };

/** Loads `path` (null: nothing yet) and reloads when it changes; `reload()` fetches again. */
export function useApi(path) {
  const [state, setState] = useState({ loading: true, data: null, error: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    api(path).then(
      (data) => live && setState({ loading: false, data, error: null }),
      (error) => live && setState({ loading: false, data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

/** Field names as staff know them (the last part of `body.temperature`). */
const FIELD = {
  temperature: '体温',
  note: '备注',
  name: '姓名',
  room: '房间号',
  phone: '手机号',
  wechat: '微信昵称',
  days: '天数',
  hospital: '医院',
  reason: '原因',
  cost: '金额',
  to: '指派给',
  text: '内容',
  date: '日期',
  from: '开始日期',
  start: '入住日期',
};

/** A validation message in Chinese (the API speaks English; staff should not have to). */
function reason(message) {
  const m = String(message ?? '');
  if (/NUL/i.test(m)) return '含有不可见的控制字符';
  if (/too big|at most|<=|maximum|too long/i.test(m)) return '太长或太大';
  if (/too small|at least|>=|minimum/i.test(m)) return '太短或太小';
  if (/date/i.test(m)) return '日期不对（格式 年-月-日，2000–2100 年）';
  if (/unknown field/i.test(m)) return '多了不认识的项';
  if (/required|undefined/i.test(m)) return '没有填';
  return '格式不对';
}

/** What went wrong, in words staff can act on. */
export function explain(error) {
  if (!error) return '';
  if (error.status === 404 && /no route/i.test(error.message)) return '服务暂不提供这项功能（接口尚未上线）';
  if (error.status === 404) return '找不到这条记录';
  if (error.status === 401) return '令牌无效或已过期，请重新登录';
  if (error.status === 403) return '当前令牌无权查看或操作这项内容';
  if (error.status === 409) return `操作未完成：${error.message}`;
  if (error.status === 413) return '文件或内容太大了，请拆小一些再试';
  if (error.status === 429 && error.body?.code === 'TOO_MANY_FAILURES')
    return '令牌多次输错，请核对令牌后过几分钟再试';
  if (error.status === 429) return '请求太频繁，请稍等片刻再试';
  if (error.status === 0) return error.message;
  if (error.status === 503) return '数据库暂时连不上，请稍后再试';
  if (error.status >= 500) return '服务出错了，请稍后再试';
  if (error.status === 400) {
    if (/central directory|zip|xlsx|spreadsheet/i.test(error.message))
      return '文件不是有效的 Excel（.xlsx）表格，请另存后再试';
    const fields = error.body?.fields ?? [];
    if (fields.length)
      return `填写有误：${fields
        .slice(0, 3)
        .map((f) => `${FIELD[String(f.field).split('.').pop()] ?? f.field}${reason(f.message)}`)
        .join('；')}`;
    // A message already in Chinese (roster rows, the service's own words) is shown as it is.
    if (/[\u4e00-\u9fff]/.test(error.message ?? '')) return error.message;
    return '请求的内容有误，请检查后再试';
  }
  return error.message || `请求失败（${error.status}）`;
}

export function ErrorNote({ error, what }) {
  if (!error) return null;
  return html`<p class="error" role="alert">${what ? `${what}：` : ''}${explain(error)}</p>`;
}

/** A section that loads one resource and shows its loading state and error itself. */
export function Loaded({ res, what, children }) {
  if (res.error) return html`<${ErrorNote} error=${res.error} what=${what} />`;
  if (res.loading && !res.data) return html`<p class="muted">正在加载…</p>`;
  return children(res.data);
}

export const SLOT = { am: '早', pm: '晚' };
export const ROLE = {
  admin: '管理员',
  staff: '工作人员',
  medic: '医护',
  volunteer: '志愿者',
  viewer: '只读',
};
export const STATUS = {
  observing: '观察中',
  released: '已解除',
  hospital: '已转院',
  left: '已离开',
  open: '待处理',
  assigned: '已指派',
  done: '已办结',
  acknowledged: '已确认',
  bought: '已购买',
  delivered: '已送达',
  cancelled: '已取消',
  booked: '已预约',
};
// Symptom and request-category names come from the server's own texts (/console/labels.js).
export { CATEGORY, SYMPTOM } from './labels.js';

import { SYMPTOM } from './labels.js';
export const PART = { am: '上午', pm: '下午', evening: '晚上' };

export const symptoms = (list) => (list ?? []).map((s) => SYMPTOM[s] ?? s).join('、');
export const items = (list) =>
  (list ?? [])
    .filter((i) => !i.cancelled)
    .map((i) => `${i.name}${i.qty != null ? ` ${i.qty}${i.unit ?? ''}` : ''}`)
    .join('、');

/** "2020-02-15T07:58:00+08:00" → "2月15日 07:58" in the offset it carries (the site's zone). */
export function when(iso) {
  if (!iso) return '';
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}:${m[4]}` : iso;
}
/** "2020-02-15" → "2月15日". */
export function day(d) {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(d ?? '');
  return m ? `${Number(m[1])}月${Number(m[2])}日` : (d ?? '');
}

/** Today in a zone, as YYYY-MM-DD. */
export function today(zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone || 'Asia/Shanghai' }).format(new Date());
}

export const can = (me, permission) => me.permissions.includes(permission);

/** A button that runs an async action, disabled while it runs, with the error shown beside it. */
export function ActionButton({ onClick, children, kind = '', confirm: question, label }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async () => {
    if (question && !window.confirm(question)) return;
    setBusy(true);
    setError(null);
    try {
      await onClick();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return html`<span class="action"
    ><button class=${kind} disabled=${busy} onClick=${run} aria-label=${label}>${children}</button
    >${error ? html`<span class="error small" role="alert">${explain(error)}</span>` : null}</span
  >`;
}
