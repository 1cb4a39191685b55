// A sender recalled (撤回) a message in WeChat: what it made that nobody has acted on yet is withdrawn —
// a request not yet taken, an order not yet bought, a water booking, a temperature report — and the
// sender is told what was withdrawn. An alert that came from it stays for staff, who are told.
import type { Executor } from '../../db/client.js';
import { createMessagesRepo } from '../../db/repositories/messages.js';
import { createRecallsRepo } from '../../db/repositories/recalls.js';
import { createResidentsRepo } from '../../db/repositories/residents.js';
import { celsius, ref, SLOT_NAMES } from '../core/quarantine/texts.js';
import { DEFAULT_ZONE, localTime } from '../core/time.js';
import { orderNo, waterNo } from '../core/village/format.js';
import type { OutboxService } from './outbox.js';
import type { Turn } from './turn.js';

export function createRecallService(deps: { outbox: Pick<OutboxService, 'toSiteGroup'> }) {
  return {
    async recalled(turn: Turn): Promise<void> {
      const { message: msg, tx } = turn;
      const providerId = turn.understood.recalled;
      const original = providerId ? await createMessagesRepo(tx).byProviderId(providerId) : null;
      // Only the sender's own message, in the same group, is theirs to take back.
      if (!original || original.talkerId !== msg.talkerId || original.roomId !== msg.roomId)
        return turn.done('ignored', 'recall of a message the bot does not have');
      const repo = createRecallsRepo(tx);
      const made = await repo.madeBy(original.id);
      const withdrawn: string[] = [];
      const kept: string[] = [];
      for (const q of made.requests) {
        if (q.status === 'open') {
          await repo.cancelRequest(q.id, msg.at);
          withdrawn.push(`工单 ${ref('R', q.number)}`);
        } else if (q.status === 'assigned') kept.push(`工单 ${ref('R', q.number)} 已有人在办`);
      }
      for (const o of made.orders) {
        if (o.status === 'open') {
          await repo.cancelOrder(o.id, msg.at);
          withdrawn.push(orderNo(o.number));
        } else if (o.status !== 'cancelled') kept.push(`${orderNo(o.number)} 已经买了`);
      }
      for (const w of made.water) {
        if (w.status === 'booked') {
          await repo.cancelWater(w.id);
          withdrawn.push(waterNo(w.number));
        }
      }
      for (const r of made.reports) await repo.withdrawReport(r);
      if (made.reports.length) withdrawn.push('这条体温记录');
      for (const a of made.alerts.filter((x) => x.status === 'open'))
        await tellStaff(tx, a, made.reports.find((r) => r.id === a.reportId) ?? null, original.sentAt, msg);
      if (withdrawn.length === 0 && kept.length === 0)
        return turn.done('ignored', 'recall: nothing to withdraw');
      const said = [
        withdrawn.length ? `您撤回了消息，已取消：${withdrawn.join('、')}。` : '',
        kept.length ? `${kept.join('；')}，没法撤回，请联系工作人员。` : '',
      ].filter(Boolean);
      turn.reply({ text: said.join(''), mention: true });
      turn.done('handled', `recall of message ${original.id}`);
    },
  };

  async function tellStaff(
    tx: Executor,
    alert: { siteId: number; number: number; residentId: number | null },
    report: { slot: 'am' | 'pm'; temperature: number | null } | null,
    sentAt: Date,
    msg: Turn['message'],
  ) {
    const resident = alert.residentId ? await createResidentsRepo(tx).byId(alert.residentId) : null;
    const who = resident
      ? `${resident.room ? `${resident.room} ` : ''}${resident.name}`
      : `“${msg.talkerName}”`;
    const zone = msg.group?.timeZone ?? DEFAULT_ZONE;
    const what = report
      ? `（${SLOT_NAMES[report.slot]}${report.temperature === null ? '' : ` ${celsius(report.temperature)}`}）`
      : '';
    await deps.outbox.toSiteGroup(
      alert.siteId,
      'staff',
      {
        text: `【撤回】${who} 撤回了 ${localTime(sentAt, zone)} 的上报${what}。告警 ${ref('A', alert.number)} 仍待处理，请电话核实。`,
        kind: 'alert',
        sourceMessageId: msg.id,
      },
      tx,
    );
  }
}
