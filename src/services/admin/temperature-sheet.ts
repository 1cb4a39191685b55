// The temperature 台账 of an observation site as a sheet: one row per resident there at some time in
// the range (room, name, status, start, planned release), a column per day and report slot, the
// temperature (or the symptoms said without one) in each; fevers marked, missing reports blank; a last
// column says which readings came by a relative, by phone or at the door, and from whom.
import type { Executor } from '../../../db/client.js';
import { createExportsRepo } from '../../../db/repositories/exports.js';
import type { SiteRow } from '../../../db/repositories/registry.js';
import { createResidentsRepo, type ResidentView } from '../../../db/repositories/residents.js';
import type { ResidentStatus } from '../../core/domain.js';
import { ValidationError } from '../../core/errors.js';
import { isFever } from '../../core/quarantine/observation.js';
import { SLOT_NAMES, SYMPTOM_NAMES } from '../../core/quarantine/texts.js';
import type { Cell, Sheet } from '../../core/sheet.js';
import { addDays, daysBetween, eachDay, localDate } from '../../core/time.js';
import { formatDay } from '../../core/village/format.js';
import { siteSlots } from '../quarantine/lifecycle.js';

/** The longest temperature 台账 one export covers. */
export const MAX_EXPORT_DAYS = 60;

/** A range the temperature export refuses; `field` is the query parameter at fault. */
export class ExportRangeError extends ValidationError {
  constructor(
    readonly field: 'from' | 'to',
    readonly reason: string,
  ) {
    super('bad range', [`${field}: ${reason}`]);
  }
}

const STATUS_NAMES: Record<ResidentStatus, string> = {
  observing: '观察中',
  released: '已解除',
  hospital: '已转院',
  left: '已离开',
};

const VIA_NAMES = { relative: '家属代报', phone: '电话', visit: '上门' } as const;

const laterOf = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

/** Still there (or reporting) at some time within from..to. */
const within = (r: ResidentView, from: string, to: string, zone: string) =>
  r.startDate <= to &&
  (r.status === 'observing' ||
    r.plannedEndDate >= from ||
    (r.statusAt !== null && localDate(r.statusAt, zone) >= from));

/**
 * The 台账 of from..to; by default from the earliest start of those observing (at most one observation
 * period back) to `today`.
 */
export async function temperatureSheet(
  db: Executor,
  site: SiteRow,
  range: { from?: string; to?: string },
  today: string,
): Promise<Sheet> {
  const zone = site.timeZone;
  const everyone = await createResidentsRepo(db).ofSite(site.id);
  const to = range.to ?? laterOf(today, range.from);
  const earliest = everyone
    .filter((r) => r.status === 'observing')
    .map((r) => r.startDate)
    .sort()[0];
  // By default one observation period back (not 60 days of mostly empty columns), or less when everyone
  // observing started later.
  const from =
    range.from ?? laterOf(earliest && earliest < to ? earliest : to, addDays(to, -site.observationDays));
  if (from > to) throw new ExportRangeError('to', 'is before from');
  if (daysBetween(from, to) >= MAX_EXPORT_DAYS)
    throw new ExportRangeError('from', `at most ${MAX_EXPORT_DAYS} days in one export`);

  const slots = siteSlots(site);
  const days = eachDay(from, to, MAX_EXPORT_DAYS);
  const reports = await createExportsRepo(db).reportsBetween(site.id, from, to);
  const byKey = new Map(reports.map((r) => [`${r.residentId}|${r.day}|${r.slot}`, r]));
  const cell = (p: ResidentView, day: string, slot: (typeof slots)[number]): Cell => {
    const r = byKey.get(`${p.id}|${day}|${slot}`);
    if (!r) return null;
    // 体温正常 said without a number is a report too: the cell says so rather than looking unreported.
    if (r.temperature === null) return r.symptoms.map((x) => SYMPTOM_NAMES[x]).join('、') || '正常';
    return isFever(r.temperature, site.feverThreshold)
      ? { value: r.temperature, fever: true }
      : r.temperature;
  };
  // Readings not written by the resident in the group, said apart so each slot's cell stays a number.
  const given = new Map<number, string[]>();
  for (const r of reports) {
    if (!r.via || r.residentId === null) continue;
    const by = r.givenBy ? `（${r.givenBy}）` : '';
    const line = `${formatDay(r.day)}${SLOT_NAMES[r.slot]} ${VIA_NAMES[r.via]}${by}`;
    given.set(r.residentId, [...(given.get(r.residentId) ?? []), line]);
  }
  const givenFor = (p: ResidentView): Cell => given.get(p.id)?.join('；') ?? null;
  return {
    fileName: `${site.name}体温台账_${from}至${to}`,
    asciiName: `temperatures-${site.id}-${from}-${to}`,
    sheetName: '体温台账',
    title: `${site.name} 体温台账（${formatDay(from)}至${formatDay(to)}，≥${site.feverThreshold}℃ 为发热，标红）`,
    columns: [
      { header: '房间', width: 8 },
      { header: '姓名', width: 10 },
      { header: '状态', width: 8 },
      { header: '开始', width: 12 },
      { header: '计划解除', width: 12 },
      ...days.flatMap((d) => slots.map((s) => ({ header: `${formatDay(d)} ${SLOT_NAMES[s]}`, width: 11 }))),
      { header: '代报/电话/上门', width: 30 },
    ],
    rows: everyone
      .filter((p) => within(p, from, to, zone))
      .map((p) => [
        p.room,
        p.name,
        STATUS_NAMES[p.status],
        p.startDate,
        p.plannedEndDate,
        ...days.flatMap((d) => slots.map((s) => cell(p, d, s))),
        givenFor(p),
      ]),
  };
}
