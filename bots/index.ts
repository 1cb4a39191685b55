// Every behaviour of the bot, one script per kind of group, loaded into the robot at build time. A script
// gets the robot and the services it uses.
import type { Robot } from '../src/chat/robot.js';
import type { Services } from '../src/services/index.js';
import help from './help.js';
import residents from './residents.js';
import staff from './staff.js';
import villagers from './villagers.js';
import volunteers from './volunteers.js';

export type ScriptServices = Pick<Services, 'quarantine' | 'village' | 'recall'>;

export function loadScripts(robot: Robot, services: ScriptServices): void {
  help(robot);
  residents(robot, services);
  staff(robot, services);
  villagers(robot, services);
  volunteers(robot, services);
  // A recalled message (撤回) in the public groups withdraws what it made that nobody has acted on.
  robot.recall((res) => services.recall.recalled(res), { roles: ['residents', 'villagers'] });
}
