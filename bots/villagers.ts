// The villagers' group: orders (free text, 接龙, WeChat 接龙-tool messages), water bookings and
// withdrawals, and a place given after an order. Anything the bot cannot read but that looks meant is kept
// for staff review.
import type { Robot } from '../src/chat/robot.js';
import type { Services } from '../src/services/index.js';

const roles = ['villagers'] as const;

export default function villagers(robot: Robot, services: Pick<Services, 'village'>): void {
  robot.on(['order', 'water', 'cancel'], (res) => services.village.villagerMessage(res), { roles });
  // A place on its own, a question, chatter: the service decides what comes of it.
  robot.otherwise((res) => services.village.villagerMessage(res), { roles });
}
