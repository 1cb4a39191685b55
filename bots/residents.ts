// The residents group of an observation site: health reports and requests in plain words, #状态 and
// #登记, the help text for any other command. What the bot cannot place is kept for staff review.
import type { Robot } from '../src/chat/robot.js';
import { helpText } from '../src/core/replies.js';
import type { Services } from '../src/services/index.js';

const roles = ['residents'] as const;

/** Anything but a command (a 接龙 starts with # but is a message, not a command). */
export const NOT_A_COMMAND = /^(?!\s*[#＃](?!\s*接龙))/;
/** #状态 / #登记 2105 张三 (also #登记2105 张三). */
export const RESIDENT_COMMAND = /^\s*[#＃]\s*(状态|登记)\s*[:：]?\s*([\s\S]*)$/;

export default function residents(robot: Robot, services: Services): void {
  robot.hear(
    'resident-command',
    RESIDENT_COMMAND,
    async (res) => {
      const [, name, rest] = res.match as RegExpMatchArray;
      const done = await services.quarantine.residentCommand(
        res.message,
        name as '状态' | '登记',
        rest ?? '',
      );
      res.done(done ? 'handled' : 'ignored', done ? `#${name}` : 'not an observation site');
    },
    { roles },
  );

  robot.hear(
    'resident-message',
    NOT_A_COMMAND,
    async (res) => {
      const outcome = await services.quarantine.residentMessage(res.message);
      res.done(outcome.state, outcome.note);
    },
    { roles },
  );

  // Commands nobody listens for get the help text, so residents learn the few there are.
  robot.fallback(
    'resident-unknown-command',
    async (res) => {
      if (!/^\s*[#＃]/.test(res.message.body)) return;
      await res.reply({ text: helpText('residents'), mention: true });
      res.done('handled', 'unknown command: help sent');
    },
    { roles },
  );
}
