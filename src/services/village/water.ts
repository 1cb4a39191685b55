// Water bookings (明天下午送两桶水到5组): a day (tomorrow when none is named), a part of the day, an amount
// (one barrel when none is named) and a place. A booking for a day whose evening list has already gone
// out is told to the volunteers at once.

import type { WaterRecord } from '../../core/records.js';
import { siteSchedule } from '../../core/schedule.js';
import { addDays, localDate, localTime } from '../../core/time.js';
import { formatDay, formatWater, partLabel, waterNo } from '../../core/village/format.js';
import { waterBookedText, waterRepeatedText } from '../../core/village/replies.js';
import type { OutboxService } from '../outbox.js';
import { customerOf, ownerOf, type VillagerContext } from './context.js';

export async function bookWater(
  ctx: VillagerContext,
  rec: WaterRecord,
  outbox: OutboxService,
): Promise<string> {
  const { msg, repos, siteId, zone } = ctx;
  const today = localDate(msg.at, zone);
  const day = rec.date ?? addDays(today, 1);
  const qty = rec.qty ?? 1;
  const unit = rec.unit ?? '桶';
  const who = await customerOf(ctx, null, rec.deliverTo);
  // The same booking said again (the same day, part, amount and place, still booked) is the same one.
  const same = ctx.more
    ? undefined
    : (await repos.water.bookedOf(siteId, ownerOf(ctx))).find(
        (w) =>
          w.day === day &&
          w.part === rec.part &&
          w.qty === qty &&
          w.unit === unit &&
          (rec.deliverTo === null || w.deliverTo === null || w.deliverTo === who.deliverTo),
      );
  if (same && rec.deliverTo && !same.deliverTo)
    await repos.water.update(same.id, { deliverTo: who.deliverTo });
  if (same) return waterRepeatedText(same.number, day, rec.part, qty, unit);
  const number = await repos.registry.nextNumber(siteId, 'W');
  await repos.water.insert({
    siteId,
    number,
    householdId: who.householdId,
    customer: who.customer,
    talkerId: msg.talkerId,
    messageId: msg.id,
    qty,
    unit,
    day,
    part: rec.part,
    deliverTo: who.deliverTo,
    createdAt: msg.at,
  });

  const site = await repos.registry.siteById(siteId);
  const eveningTime = siteSchedule(site?.schedule).volunteerEveningTime;
  const late = day <= today || (day === addDays(today, 1) && localTime(msg.at, zone) >= eveningTime);
  if (late) {
    const when = day === today ? '今天' : day < today ? formatDay(day) : '明天';
    await outbox.toSiteGroup(
      siteId,
      'volunteers',
      {
        text: `新的送水预约 ${waterNo(number)}：${when}${partLabel(rec.part)} ${formatWater(qty, unit)}，${who.customer}，送到${who.deliverTo ?? '（地址未说）'}。`,
        kind: 'water-late',
        sourceMessageId: msg.id,
      },
      ctx.tx,
    );
  }
  return waterBookedText({
    number,
    day,
    part: rec.part,
    qty,
    unit,
    deliverTo: who.deliverTo,
    dayAssumed: rec.date === null,
    qtyAssumed: rec.qty === null,
  });
}
