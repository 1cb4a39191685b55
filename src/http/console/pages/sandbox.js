// 模拟群聊: the sandbox's simulated WeChat. Choose a group and a sender, type, and watch the bot answer —
// the message goes through the mock puppet exactly like real WeChat traffic, so the records it makes show
// up on the other pages too. The transcript is polled.
import { useEffect, useRef, useState } from '/vendor/preact-hooks.mjs';
import { api } from '../api.js';
import { ErrorNote, explain, html, Loaded, useApi, when } from '../ui.js';

const ROLE = { residents: '住户群', staff: '工作群', villagers: '村民群', volunteers: '志愿队' };
const POLL_MS = 1500;
const NEW = '__new__';

export function SandboxPage() {
  const groups = useApi('/sandbox/groups');
  return html`<section>
    <h1>模拟群聊</h1>
    <p class="muted">演示模式下的模拟微信群：以群成员身份发消息，看机器人怎么回复、记录怎么生成。</p>
    <${Loaded} res=${groups} what="读取模拟群失败"
      >${(list) =>
        list.length === 0
          ? html`<p class="muted">没有模拟群。</p>`
          : html`<${Chat} groups=${list} reloadGroups=${groups.reload} />`}<//
    >
  </section>`;
}

function Chat({ groups, reloadGroups }) {
  const [roomId, setRoomId] = useState(groups[0].roomId);
  const group = groups.find((g) => g.roomId === roomId) ?? groups[0];
  const bot = group.members[0]?.name ?? '守望';
  const people = group.members.filter((m) => m.name !== bot);
  const [sender, setSender] = useState(people[0]?.id ?? NEW);
  const [newName, setNewName] = useState('');
  const [text, setText] = useState('');
  const [mention, setMention] = useState(false);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const lines = useTranscript(group.roomId);

  useEffect(() => {
    setSender(people[0]?.id ?? NEW);
  }, [group.roomId]);

  const send = async (e) => {
    e.preventDefault();
    if (!text.trim()) return;
    const who = sender === NEW ? { senderName: newName.trim() } : { senderId: sender };
    if (sender === NEW && !who.senderName) {
      setError({ status: 400, message: '请填写发送人的群昵称' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('/sandbox/messages', {
        method: 'POST',
        body: { roomId: group.roomId, ...who, text: text.trim(), ...(mention ? { mentions: [bot] } : {}) },
      });
      setText('');
      lines.poke();
      if (sender === NEW) reloadGroups();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return html`<div class="chat-layout">
    <aside class="card rooms">
      <h2>群</h2>
      <ul class="list">
        ${groups.map(
          (g) => html`<li>
            <button class=${g.roomId === group.roomId ? 'room current' : 'room'} onClick=${() => setRoomId(g.roomId)}>
              ${g.topic}<span class="muted small">${g.siteName ?? '未绑定站点'} · ${ROLE[g.role] ?? '未知'}</span>
            </button>
          </li>`,
        )}
      </ul>
    </aside>
    <div class="card chat">
      <h2>${group.topic}</h2>
      <ol class="transcript" aria-live="polite" data-transcript>
        ${lines.items.length === 0 ? html`<li class="muted">还没有消息。</li>` : null}
        ${lines.items.map(
          (l) => html`<li class=${l.fromBot ? 'line bot' : 'line'} data-line=${l.id}>
            <div class="meta">${l.from} · ${when(l.at)}</div>
            <div class="bubble">${l.text}</div>
          </li>`,
        )}
      </ol>
      ${lines.error ? html`<p class="error small">${explain(lines.error)}</p>` : null}
      <form class="composer" onSubmit=${send}>
        <div class="inline">
          <label>发送人
            <select value=${sender} onChange=${(e) => setSender(e.currentTarget.value)} aria-label="发送人">
              ${people.map((m) => html`<option value=${m.id}>${m.name}</option>`)}
              <option value=${NEW}>新成员…</option>
            </select>
          </label>
          ${
            sender === NEW
              ? html`<input placeholder="群昵称，如 2105高" aria-label="新成员昵称" value=${newName} onInput=${(e) => setNewName(e.currentTarget.value)} />`
              : null
          }
          <label class="check"><input type="checkbox" checked=${mention} onChange=${(e) => setMention(e.currentTarget.checked)} /> @${bot}</label>
        </div>
        <div class="inline">
          <textarea
            rows="2"
            maxlength="2000"
            placeholder="输入消息，如：2105 早上36.5"
            aria-label="消息"
            value=${text}
            onInput=${(e) => setText(e.currentTarget.value)}
            onKeyDown=${(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) send(e);
            }}
          ></textarea>
          <button class="primary" type="submit" disabled=${busy}>发送</button>
        </div>
        <${ErrorNote} error=${error} what="发送失败" />
        <p class="muted small">
          机器人记下的体温、需求、订单会出现在<a href=${group.siteId ? `#/site/${group.siteId}` : '#/site'}>今日概况</a>和住户页。
        </p>
      </form>
    </div>
  </div>`;
}

/** The room's transcript, polled for new lines after the last seen (one request at a time). */
function useTranscript(roomId) {
  const [items, setItems] = useState([]);
  const [error, setError] = useState(null);
  const pollRef = useRef(null);

  useEffect(() => {
    let live = true;
    let last = 0;
    let timer = null;
    let busy = false;
    let again = false;
    setItems([]);
    const poll = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      clearTimeout(timer);
      try {
        const page = await api(`/sandbox/messages?roomId=${encodeURIComponent(roomId)}&after=${last}`);
        if (live && page.items.length) {
          last = page.last;
          setItems((old) => [...old, ...page.items]);
        }
        if (live) setError(null);
      } catch (err) {
        if (live) setError(err);
      }
      busy = false;
      if (!live) return;
      if (again) {
        again = false;
        poll();
      } else timer = setTimeout(poll, POLL_MS);
    };
    pollRef.current = poll;
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [roomId]);

  // Keep the newest line in view.
  useEffect(() => {
    const el = document.querySelector('[data-transcript]');
    if (el) el.scrollTop = el.scrollHeight;
  }, [items.length]);

  return { items, error, poke: () => pollRef.current?.() };
}
