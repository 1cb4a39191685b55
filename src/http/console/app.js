// The staff console: sign in with an API token, then the pages the token's role allows. Hash routes
// (#/site/3, #/resident/12 …) so a reload or a shared link lands on the same page, served by one index.html.
import { render } from '/vendor/htm-preact.mjs';
import { useEffect, useState } from '/vendor/preact-hooks.mjs';
import { api, session } from './api.js';
import { CallListPage } from './pages/call-list.js';
import { DashboardPage } from './pages/dashboard.js';
import { DownloadsPage } from './pages/downloads.js';
import { ResidentPage } from './pages/resident.js';
import { ReviewPage } from './pages/review.js';
import { RosterPage } from './pages/roster.js';
import { SandboxPage } from './pages/sandbox.js';
import { can, ErrorNote, explain, html, ROLE } from './ui.js';

/** The pages, the permission each needs, and how its hash looks. */
const PAGES = [
  { key: 'site', label: '今日概况', permission: 'digests:read' },
  { key: 'calls', label: '电话名单', permission: 'health:read', kinds: ['quarantine'] },
  { key: 'roster', label: '花名册', permission: 'registry:read' },
  { key: 'review', label: '待处理消息', permission: 'messages:read' },
  { key: 'downloads', label: '下载', permission: ['health:read', 'orders:read'] },
  { key: 'sandbox', label: '模拟群聊', permission: 'sandbox:use' },
];
const allowed = (me, page) =>
  [page.permission].flat().some((p) => can(me, p)) &&
  (!page.kinds || me.sites.some((s) => page.kinds.includes(s.kind)));

function parseHash() {
  const [key = '', arg = ''] = location.hash.replace(/^#\/?/, '').split('/');
  return { key, arg: decodeURIComponent(arg) };
}

function useHash() {
  const [route, setRoute] = useState(parseHash());
  useEffect(() => {
    const on = () => setRoute(parseHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

function SignIn({ onSignedIn, reason }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    const t = token.trim();
    if (!t) return;
    setBusy(true);
    setError(null);
    session.signIn(t);
    try {
      onSignedIn(await api('/me'));
    } catch (err) {
      session.signOut();
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return html`<main class="signin">
    <form class="card" onSubmit=${submit}>
      <h1>守望 · 工作台</h1>
      <p class="muted">用管理令牌登录。令牌只保存在本浏览器标签页中，关闭即失效。</p>
      ${reason ? html`<p class="notice">${reason}</p>` : null}
      <label for="token">令牌</label>
      <input
        id="token"
        name="token"
        type="password"
        autocomplete="off"
        placeholder="sw_…"
        value=${token}
        onInput=${(e) => setToken(e.currentTarget.value)}
      />
      <button class="primary" type="submit" disabled=${busy}>${busy ? '正在登录…' : '登录'}</button>
      ${
        error
          ? html`<p class="error" role="alert">
            ${error.status === 401 ? '令牌无效：不存在、已吊销或格式不对' : explain(error)}
          </p>`
          : null
      }
      <p class="muted small">
        令牌由管理员用 <code>shouwang token create</code> 生成；演示模式启动时会打印一个演示管理员令牌。
      </p>
    </form>
  </main>`;
}

function Shell({ me, onSignOut }) {
  const route = useHash();
  const [menu, setMenu] = useState(false);
  const pages = PAGES.filter((p) => allowed(me, p));
  const key =
    route.key === 'resident' ? 'resident' : pages.some((p) => p.key === route.key) ? route.key : 'site';
  useEffect(() => setMenu(false), [route.key, route.arg]);

  let page;
  if (key === 'resident') page = html`<${ResidentPage} me=${me} id=${route.arg} />`;
  else if (key === 'calls') page = html`<${CallListPage} me=${me} siteId=${route.arg} />`;
  else if (key === 'roster') page = html`<${RosterPage} me=${me} siteId=${route.arg} />`;
  else if (key === 'review') page = html`<${ReviewPage} me=${me} />`;
  else if (key === 'downloads') page = html`<${DownloadsPage} me=${me} />`;
  else if (key === 'sandbox') page = html`<${SandboxPage} me=${me} />`;
  else page = html`<${DashboardPage} me=${me} siteId=${route.arg} />`;

  return html`<div class="shell">
    <header class="top">
      <a class="brand" href="#/site">守望</a>
      <button class="menu-toggle" aria-expanded=${menu} onClick=${() => setMenu(!menu)}>菜单</button>
      <nav class=${menu ? 'open' : ''} aria-label="主菜单">
        ${pages.map(
          (p) =>
            html`<a href=${`#/${p.key}`} class=${key === p.key ? 'current' : ''} data-page=${p.key}>${p.label}</a>`,
        )}
      </nav>
      <div class="who">
        <span>${me.name} · ${ROLE[me.role] ?? me.role}</span>
        <button class="link" onClick=${onSignOut}>退出</button>
      </div>
    </header>
    <main class="page">${page}</main>
  </div>`;
}

function App() {
  const [me, setMe] = useState(null);
  const [state, setState] = useState(session.token ? 'checking' : 'signed-out');
  const [reason, setReason] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    if (!session.token) return;
    api('/me').then(
      (m) => {
        setMe(m);
        setState('in');
      },
      (err) => {
        if (err.status === 401) {
          session.signOut();
          setState('signed-out');
        } else {
          setError(err);
          setState('error');
        }
      },
    );
  }, []);
  useEffect(() => {
    const out = () => {
      session.signOut();
      setMe(null);
      setReason('登录已失效（令牌被吊销或无效），请重新登录。');
      setState('signed-out');
    };
    window.addEventListener('shouwang:signed-out', out);
    return () => window.removeEventListener('shouwang:signed-out', out);
  }, []);

  const signOut = () => {
    session.signOut();
    setMe(null);
    setReason(null);
    setState('signed-out');
  };

  if (state === 'checking') return html`<p class="loading">正在加载…</p>`;
  if (state === 'error')
    return html`<main class="signin"><div class="card">
      <${ErrorNote} error=${error} what="读取登录信息失败" />
      <button onClick=${signOut}>重新登录</button>
    </div></main>`;
  if (state !== 'in' || !me)
    return html`<${SignIn}
      reason=${reason}
      onSignedIn=${(m) => {
        setMe(m);
        setReason(null);
        setState('in');
      }}
    />`;
  return html`<${Shell} me=${me} onSignOut=${signOut} />`;
}

// The page's own 正在加载… placeholder goes before the app takes over the element.
const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
