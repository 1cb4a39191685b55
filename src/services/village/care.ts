// A villager's health (a fever, a complaint) or a call for the village doctor, said in the villagers' group.
// The volunteers' group (the cadres and the village doctor read it) is told at once; the villager hears only
// that it was passed on. Nothing about the reading is said back in the villagers' group: health data go to staff.
import { isFever } from '../../core/quarantine/observation.js';
import { celsius, SYMPTOM_NAMES } from '../../core/quarantine/texts.js';
import type { HealthRecord, ParsedRecord, RequestRecord } from '../../core/records.js';
import type { CareRelay } from '../../core/village/digest.js';
import type { OutboxService } from '../outbox.js';
import type { VillagerContext } from './context.js';

const DEFAULT_FEVER_C = 37.3;
/** The outbox kind of a relay; the village digest lists the day's relays again. */
export const CARE_KIND = 'village-care';
/** A fever this high makes the doctor's visit urgent, whatever the words. */
const HIGH_FEVER_C = 38.5;

/**
 * Tells the volunteers' group of a fever, a complaint or a call for the doctor in these records; the reply for
 * the villager, or null when there is nothing of the kind (a normal reading stays between the villager and
 * the group: no one needs to act on it).
 */
export async function relayCare(
  ctx: VillagerContext,
  records: readonly ParsedRecord[],
  outbox: OutboxService,
): Promise<string | null> {
  const calls = records.filter((r): r is RequestRecord => r.type === 'request' && r.category === 'medical');
  const health = records.filter((r): r is HealthRecord => r.type === 'health');
  if (calls.length === 0 && health.length === 0) return null;
  // (the site's threshold is looked up only for a message with a reading or a call: most are orders)
  const site = await ctx.repos.registry.siteById(ctx.siteId);
  const threshold = site?.feverThreshold ?? DEFAULT_FEVER_C;
  // 有点咳嗽 帮我带盒感冒药: a complaint beside the medicine ordered for it is for the purchase list, not the
  // doctor, unless there is a fever
  const ordered = records.some((r) => r.type === 'order');
  const ill = health.filter((h) =>
    isFever(h.temperature, threshold) ? true : !ordered && h.symptoms.length > 0,
  );
  if (ill.length === 0 && calls.length === 0) return null;
  const urgent = calls.some((c) => c.urgent) || ill.some((h) => isFever(h.temperature, HIGH_FEVER_C));
  const who = ctx.household?.name ?? ctx.msg.talkerName ?? '村民';
  const where = ctx.household?.villageGroup ? `（${ctx.household.villageGroup}）` : '';
  const said = ill.map(describe).join('；');
  // (a fever of 38.5 calls the doctor to the door whether or not the villager asked)
  const ask = urgent ? '请村医尽快上门。' : calls.length > 0 ? '请村医联系。' : '请村医留意、联系。';
  const care: CareRelay = { household: `${who}${where}`, said, ask, urgent };
  await outbox.toSiteGroup(
    ctx.siteId,
    'volunteers',
    {
      text: `【村民健康】${care.household}：${said ? `${said}。` : ''}${ask}`,
      kind: CARE_KIND,
      urgent,
      sourceMessageId: ctx.msg.id,
      payload: { ...care },
    },
    ctx.tx,
  );
  return urgent ? '已转告村医和志愿者，马上联系您。' : '已转告村医，会尽快联系您。';
}

/** 老汉 37.8℃，咳嗽 / 发热、乏力. */
function describe(h: HealthRecord): string {
  const parts: string[] = [];
  if (h.temperature !== null) parts.push(celsius(h.temperature));
  const symptoms = h.symptoms.map((s) => SYMPTOM_NAMES[s]).join('、');
  if (symptoms) parts.push(symptoms);
  return `${h.person ? `${h.person} ` : ''}${parts.join('，')}`;
}
