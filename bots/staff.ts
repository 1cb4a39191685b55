// The staff group of an observation site: acknowledging alerts, taking and closing tickets, releases,
// transfers and extensions, the digest on demand, the call list and what calls came to. Staff talk among themselves is left alone.
import type { Robot } from '../src/chat/robot.js';
import { helpText } from '../src/core/replies.js';
import type { Services } from '../src/services/index.js';
import type { StaffCommand } from '../src/services/quarantine/index.js';

const roles = ['staff'] as const;

const STAFF_COMMANDS: readonly StaffCommand[] = [
  '已处理',
  '完成',
  '接单',
  '待办',
  '日报',
  '解除',
  '转院',
  '延长',
  '电话名单',
  '已联系',
  '未接通',
  '上门',
];

export default function staff(robot: Robot, services: Pick<Services, 'quarantine'>): void {
  for (const name of STAFF_COMMANDS)
    robot.command(name, (res) => services.quarantine.staffCommand(res, name), {
      roles,
    });

  robot.unknownCommand(
    (res) => {
      res.reply({ text: helpText('staff') });
      res.done('handled', 'unknown command: help sent');
    },
    { roles },
  );
}
