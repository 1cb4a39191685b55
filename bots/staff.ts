// The staff group of an observation site: acknowledging alerts, taking and closing tickets, releases,
// transfers and extensions, the digest on demand. Staff talk among themselves is left alone.
import type { Robot } from '../src/chat/robot.js';
import { helpText } from '../src/core/replies.js';
import type { Services } from '../src/services/index.js';
import type { StaffCommand } from '../src/services/quarantine/index.js';

const roles = ['staff'] as const;

const ALIASES: Record<string, StaffCommand> = {
  已处理: '已处理',
  处理了: '已处理',
  已处置: '已处理',
  完成: '完成',
  已完成: '完成',
  办结: '完成',
  已办结: '完成',
  办好了: '完成',
  接单: '接单',
  待办: '待办',
  待处理: '待办',
  日报: '日报',
  解除: '解除',
  转院: '转院',
  延长: '延长',
};

export const STAFF_COMMAND = new RegExp(
  // longest first: 已完成 before 完成
  `^\\s*[#＃]\\s*(${Object.keys(ALIASES)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\s*[:：]?\\s*([\\s\\S]*)$`,
);

export default function staff(robot: Robot, services: Services): void {
  robot.hear(
    'staff-command',
    STAFF_COMMAND,
    async (res) => {
      const [, word, rest] = res.match as RegExpMatchArray;
      const name = ALIASES[word as string] as StaffCommand;
      const done = await services.quarantine.staffCommand(res.message, name, rest ?? '');
      res.done(done ? 'handled' : 'ignored', done ? `#${name}` : 'not an observation site');
    },
    { roles },
  );

  robot.fallback(
    'staff-unknown-command',
    async (res) => {
      if (!/^\s*[#＃]/.test(res.message.body)) return;
      await res.reply({ text: helpText('staff') });
      res.done('handled', 'unknown command: help sent');
    },
    { roles },
  );
}
