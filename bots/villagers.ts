// The villagers' group: orders (free text, 接龙, WeChat 接龙-tool messages), water bookings and
// withdrawals. Anything the bot cannot read but that looks meant is kept for staff review.
import type { Robot } from '../src/chat/robot.js';
import type { Services } from '../src/services/index.js';

export default function villagers(robot: Robot, services: Services): void {
  robot.hear(
    'village-orders',
    /[\s\S]/,
    async (res) => {
      const { state, note } = await services.village.villagerMessage(res.message);
      res.done(state, note ?? undefined);
    },
    { roles: ['villagers'] },
  );
}
