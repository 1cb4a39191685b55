// The one grammar of commands to the bot: `#name args…` (also ＃, with or without a space or colon after
// the name). Every command has one canonical name, the words people also use for it, and the groups it
// belongs to. The robot dispatches on the canonical name; the help texts list the same commands.
import type { GroupRole } from './domain.js';
import { parseMessage } from './parse/index.js';

const ANY: readonly GroupRole[] = ['residents', 'staff', 'villagers', 'volunteers'];

interface CommandSpec {
  roles: readonly GroupRole[];
  /** Other words for it, as staff and volunteers write them. */
  aliases?: readonly string[];
}

export const COMMANDS = {
  帮助: { roles: ANY, aliases: ['help', '菜单'] },
  // residents
  状态: { roles: ['residents'] },
  登记: { roles: ['residents'] },
  // staff of an observation site
  已处理: { roles: ['staff'], aliases: ['处理了', '已处置'] },
  完成: { roles: ['staff'], aliases: ['已完成', '办结', '已办结', '办好了'] },
  接单: { roles: ['staff'] },
  待办: { roles: ['staff'], aliases: ['待处理'] },
  日报: { roles: ['staff'] },
  解除: { roles: ['staff'] },
  转院: { roles: ['staff'] },
  延长: { roles: ['staff'] },
  // the call list of residents who have not reported, and what each call came to (issue 21)
  电话名单: { roles: ['staff'], aliases: ['呼叫单', '待联系', '打电话名单'] },
  已联系: { roles: ['staff'], aliases: ['联系上了', '已接通', '打通了', '电话联系上'] },
  未接通: { roles: ['staff'], aliases: ['没接通', '没接', '打不通', '无人接听', '未接'] },
  上门: { roles: ['staff'], aliases: ['已上门'] },
  // volunteers of a village
  已买: { roles: ['volunteers'], aliases: ['已购', '买好了'] },
  送达: { roles: ['volunteers'], aliases: ['已送达', '已送'] },
  采购单: { roles: ['volunteers'], aliases: ['采购清单', '购物单', '购物清单', '要买的', '买什么'] },
  送货单: { roles: ['volunteers'], aliases: ['送货清单', '配送单'] },
  送水单: { roles: ['volunteers'], aliases: ['送水清单'] },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

const BY_WORD = new Map<string, CommandName>();
for (const [name, spec] of Object.entries(COMMANDS) as [CommandName, CommandSpec][]) {
  BY_WORD.set(name.toLowerCase(), name);
  for (const alias of spec.aliases ?? []) BY_WORD.set(alias.toLowerCase(), name);
}

export interface Command {
  /** The canonical name, or null for a command this group does not have. */
  name: CommandName | null;
  /** The word as written after #. */
  word: string;
  args: string[];
  /** Everything after the word, as written (a note keeps its punctuation). */
  rest: string;
}

/** The command a message gives in a group of `role`, or null when the message is no command (a 接龙 is none). */
export function readCommand(text: string, role: GroupRole | null): Command | null {
  const [first, ...more] = parseMessage({ text });
  if (first?.type !== 'command' || more.length > 0) return null;
  const name = BY_WORD.get(first.name.toLowerCase()) ?? null;
  const known =
    name !== null && role !== null && (COMMANDS[name].roles as readonly GroupRole[]).includes(role);
  const body = text.trim().replace(/^[#＃]+\s*/, '');
  const at = body.toLowerCase().indexOf(first.name.toLowerCase());
  const rest =
    at >= 0
      ? body
          .slice(at + first.name.length)
          .replace(/^[\s:：,，]+/, '')
          .trim()
      : first.args.join(' ');
  return { name: known ? name : null, word: first.name, args: first.args, rest };
}
