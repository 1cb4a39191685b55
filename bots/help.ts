// #帮助 in any group: what the bot can do there.
import type { Robot } from '../src/chat/robot.js';
import { helpText } from '../src/core/replies.js';

export default function help(robot: Robot): void {
  robot.command('帮助', (res) => {
    res.reply({ text: helpText(res.message.group?.role ?? null), mention: true });
  });
}
