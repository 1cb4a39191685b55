// The residents group of an observation site: health reports and requests in plain words, #状态 and
// #登记, the help text for any other command. What the bot cannot place is kept for staff review.
import type { Robot } from '../src/chat/robot.js';
import { helpText } from '../src/core/replies.js';
import type { Services } from '../src/services/index.js';

const roles = ['residents'] as const;

export default function residents(robot: Robot, services: Pick<Services, 'quarantine'>): void {
  const { quarantine } = services;
  robot.command('状态', (res) => quarantine.residentCommand(res, '状态'), { roles });
  robot.command('登记', (res) => quarantine.residentCommand(res, '登记'), { roles });

  robot.on(['health', 'request', 'cancel'], (res) => quarantine.residentMessage(res), { roles });

  // Chatter, questions and media: nothing to record; what looks meant is kept for staff review, and the
  // sender hears that a person will look (once in a while).
  // (asking after a request not yet done is answered from the tickets)
  robot.otherwise((res) => quarantine.residentOther(res), { roles });

  // Commands nobody listens for get the help text, so residents learn the few there are.
  robot.unknownCommand(
    (res) => {
      res.reply({ text: helpText('residents'), mention: true });
      res.done('handled', 'unknown command: help sent');
    },
    { roles },
  );
}
