// Commands to the bot: a message that starts with # or ＃ (already folded to #). `#接龙` starts a 接龙 instead.
import type { CommandRecord } from '../records.js';

export function isJielongHeader(text: string): boolean {
  return /^#+\s*接龙/.test(text.trimStart());
}

export function parseCommand(text: string): CommandRecord | null {
  const t = text.trim();
  if (!t.startsWith('#') || isJielongHeader(t)) return null;
  // #武汉加油# #中国加油#: a topic (closed by #, as WeChat and Weibo write them) is no command
  if (/^#[^#\s\d]{2,20}#(?!\s*\d)/.test(t)) return null;
  const body = t.replace(/^#+/, '').trimStart();
  const m = /^([^\s,，、;；:：#]+?)(?=[\s,，、;；:：#]|(?<=[\u4e00-\u9fa5])[0-9A-Za-z]|$)/.exec(body);
  if (!m?.[1]) return null;
  const name = m[1];
  const rest = body.slice(name.length).replace(/^[\s:：#]+/, '');
  const args = rest.split(/[\s,，、;；#]+/).filter((a) => a.length > 0);
  return { type: 'command', name, args };
}
