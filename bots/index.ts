// Every behaviour of the bot, one script per concern, loaded into the robot at build time.
import type { Robot } from '../src/chat/robot.js';
import type { Services } from '../src/services/index.js';
import help from './help.js';
import residents from './residents.js';
import staff from './staff.js';
import villagers from './villagers.js';
import volunteers from './volunteers.js';

export type Script = (robot: Robot, services: Services) => void;

export const scripts: Script[] = [help, residents, staff, villagers, volunteers];

export function loadScripts(robot: Robot, services: Services): void {
  for (const script of scripts) script(robot, services);
}
