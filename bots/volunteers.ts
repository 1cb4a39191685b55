// The volunteers' group: progress reports (#已买, #送达) and the lists (#采购单, #送货单, #送水单).
import type { Response, Robot } from '../src/chat/robot.js';
import { DEFAULT_ZONE, localDate } from '../src/core/time.js';
import type { Services } from '../src/services/index.js';

const roles = ['volunteers'] as const;

const argsOf = (res: Response) => res.understood.command?.args ?? [];
const today = (res: Response) => localDate(res.message.at, res.message.group?.timeZone ?? DEFAULT_ZONE);

export default function volunteers(robot: Robot, services: Pick<Services, 'village'>): void {
  const { village } = services;
  /** A list for the group's village, read in the turn's transaction. */
  const list = (make: (res: Response, siteId: number) => Promise<string | null>) => async (res: Response) => {
    const siteId = res.message.group?.siteId;
    if (!siteId) return res.done('ignored', 'not a village group');
    const text = await make(res, siteId);
    res.reply(text ?? { text: '日期没看懂，请写 #送水单 明天 或 #送水单 2月16日。', mention: true });
  };

  robot.command('已买', (res) => village.bought(res, argsOf(res)), { roles });
  robot.command('送达', (res) => village.delivered(res, argsOf(res)), { roles });
  robot.command(
    '采购单',
    list((res, siteId) => village.purchaseListText(res.tx, siteId)),
    { roles },
  );
  robot.command(
    '送货单',
    list((res, siteId) => village.deliveryListText(res.tx, siteId, today(res))),
    { roles },
  );
  robot.command(
    '送水单',
    list((res, siteId) => village.waterListText(res.tx, siteId, argsOf(res)[0], today(res))),
    { roles },
  );

  robot.unknownCommand(
    (res) => {
      res.reply({ text: '没有这个指令，发 #帮助 看看能用哪些。', mention: true });
      res.done('handled');
    },
    { roles },
  );
}
