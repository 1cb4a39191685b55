// The volunteers' group: progress reports (#已买, #送达) and the lists (#采购单, #送货单, #送水单).
import type { Response, Robot } from '../src/chat/robot.js';
import { localDate } from '../src/core/time.js';
import type { Services } from '../src/services/index.js';

const ROLES = { roles: ['volunteers'] } as const;

const argsOf = (res: Response) => (res.match?.[2] ?? '').split(/[\s,，、;；]+/).filter((a) => a.length > 0);

export default function volunteers(robot: Robot, services: Services): void {
  const { village } = services;
  const siteOf = (res: Response) => res.message.group?.siteId ?? null;

  robot.command(['已买', '已购', '买好了'], (res) => village.bought(res.message, argsOf(res)), ROLES);
  robot.command(['送达', '已送达', '已送'], (res) => village.delivered(res.message, argsOf(res)), ROLES);

  robot.command(
    ['采购单', '采购清单', '购物单', '购物清单', '要买的', '买什么'],
    async (res) => {
      const siteId = siteOf(res);
      if (siteId) await res.reply(await village.purchaseListText(siteId));
    },
    ROLES,
  );
  robot.command(
    ['送货单', '送货清单', '配送单'],
    async (res) => {
      const siteId = siteOf(res);
      const zone = res.message.group?.timeZone ?? 'Asia/Shanghai';
      if (siteId) await res.reply(await village.deliveryListText(siteId, localDate(res.message.at, zone)));
    },
    ROLES,
  );
  robot.command(
    ['送水单', '送水清单'],
    async (res) => {
      const text = await village.waterListText(res.message, argsOf(res)[0]);
      await res.reply(text ?? { text: '日期没看懂，请写 #送水单 明天 或 #送水单 2月16日。', mention: true });
    },
    ROLES,
  );

  robot.fallback(
    'volunteers-unknown-command',
    async (res) => {
      const body = res.message.body.trim();
      if (!/^[#＃]/.test(body) || /^[#＃]\s*接龙/.test(body)) return res.done('ignored');
      await res.reply({ text: '没有这个指令，发 #帮助 看看能用哪些。', mention: true });
      res.done('handled');
    },
    ROLES,
  );
}
