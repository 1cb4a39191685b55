// The admin API's exports as sheets of data: an observation site's temperature 台账 (one row per
// resident, a column per day and report slot, fevers marked), and a village's orders, purchase list and
// delivery list. Writers (core/sheet.ts for CSV, sheet-xlsx.ts) make the files.
import type { Db } from '../../../db/client.js';
import { createExportsRepo } from '../../../db/repositories/exports.js';
import type { OrderStatus } from '../../../db/repositories/orders.js';
import { createRegistryRepo, type SiteRow } from '../../../db/repositories/registry.js';
import { createResidentsRepo, type ResidentView } from '../../../db/repositories/residents.js';
import { createVillageAdminRepo } from '../../../db/repositories/village-admin.js';
import type { Clock } from '../../core/clock.js';
import type { ResidentStatus } from '../../core/domain.js';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.js';

/** A range the temperature export refuses; `field` is the query parameter at fault. */
export class ExportRangeError extends ValidationError {
  constructor(
    readonly field: 'from' | 'to',
    readonly reason: string,
  ) {
    super('bad range', [`${field}: ${reason}`]);
  }
}

import { isFever } from '../../core/quarantine/observation.js';
import { SLOT_NAMES, SYMPTOM_NAMES } from '../../core/quarantine/texts.js';
import type { Cell, Sheet } from '../../core/sheet.js';
import { addDays, daysBetween, localDate, toZonedIso } from '../../core/time.js';
import {
  formatDay,
  formatItems,
  formatWater,
  orderNo,
  partLabel,
  waterNo,
} from '../../core/village/format.js';
import { siteSlots } from '../quarantine/lifecycle.js';
import type { Guard } from './guard.js';
import type { ListsAdminService } from './lists.js';

/** The longest temperature 台账 one export covers. */
export const MAX_EXPORT_DAYS = 60;

const STATUS_NAMES: Record<ResidentStatus, string> = {
  observing: '观察中',
  released: '已解除',
  hospital: '已转院',
  left: '已离开',
};
const ORDER_STATUS_NAMES: Record<OrderStatus, string> = {
  open: '待买',
  bought: '已买待送',
  delivered: '已送达',
  cancelled: '已取消',
};

const stamp = (at: Date | null, zone: string) =>
  at ? toZonedIso(at, zone).slice(0, 16).replace('T', ' ') : null;

export function createExportsService(deps: { db: Db; clock: Clock; lists: ListsAdminService }) {
  const { db, clock, lists } = deps;

  async function siteOf(siteId: number, guard: Guard, kind: SiteRow['kind']): Promise<SiteRow> {
    const site = await createRegistryRepo(db).siteById(siteId);
    if (!site) throw new NotFoundError(`site ${siteId} not found`);
    guard(site.id);
    if (site.kind !== kind)
      throw new ConflictError(
        `${site.name} is ${site.kind === 'village' ? 'a village' : 'an observation site'}; this export is for ${
          kind === 'village' ? 'villages' : 'observation sites'
        }`,
      );
    return site;
  }

  /** Still there (or reporting) at some time within from..to. */
  const within = (r: ResidentView, from: string, to: string, zone: string) =>
    r.startDate <= to &&
    (r.status === 'observing' ||
      r.plannedEndDate >= from ||
      (r.statusAt !== null && localDate(r.statusAt, zone) >= from));

  return {
    /**
     * The temperature 台账 of from..to; by default from the earliest start of those observing (at most
     * 60 days back) to today.
     */
    async temperatures(siteId: number, range: { from?: string; to?: string }, guard: Guard): Promise<Sheet> {
      const site = await siteOf(siteId, guard, 'quarantine');
      const zone = site.timeZone;
      const everyone = await createResidentsRepo(db).ofSite(site.id);
      const to = range.to ?? laterOf(localDate(clock.now(), zone), range.from);
      const earliest = everyone
        .filter((r) => r.status === 'observing')
        .map((r) => r.startDate)
        .sort()[0];
      const from =
        range.from ?? laterOf(earliest && earliest < to ? earliest : to, addDays(to, -(MAX_EXPORT_DAYS - 1)));
      if (from > to) throw new ExportRangeError('to', 'is before from');
      if (daysBetween(from, to) >= MAX_EXPORT_DAYS)
        throw new ExportRangeError('from', `at most ${MAX_EXPORT_DAYS} days in one export`);

      const slots = siteSlots(site);
      const days: string[] = [];
      for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
      const reports = await createExportsRepo(db).reportsBetween(site.id, from, to);
      const byKey = new Map(reports.map((r) => [`${r.residentId}|${r.day}|${r.slot}`, r]));
      const people = everyone.filter((r) => within(r, from, to, zone));
      const rows: Cell[][] = people.map((p) => [
        p.room,
        p.name,
        STATUS_NAMES[p.status],
        p.startDate,
        p.plannedEndDate,
        ...days.flatMap((d) =>
          slots.map((s): Cell => {
            const r = byKey.get(`${p.id}|${d}|${s}`);
            if (!r) return null;
            if (r.temperature === null) return r.symptoms.map((x) => SYMPTOM_NAMES[x]).join('、') || null;
            return isFever(r.temperature, site.feverThreshold)
              ? { value: r.temperature, fever: true }
              : r.temperature;
          }),
        ),
      ]);
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
          ...days.flatMap((d) =>
            slots.map((s) => ({ header: `${formatDay(d)} ${SLOT_NAMES[s]}`, width: 11 })),
          ),
        ],
        rows,
      };
    },

    /** A village's orders, oldest first, filtered like GET /orders. */
    async orders(
      siteId: number,
      filter: { status?: OrderStatus; from?: string; to?: string },
      guard: Guard,
    ): Promise<Sheet> {
      const site = await siteOf(siteId, guard, 'village');
      const rows = await createVillageAdminRepo(db).orders({
        scope: null,
        siteId: site.id,
        statuses: filter.status ? [filter.status] : undefined,
        from: filter.from,
        to: filter.to,
        limit: 100_000,
      });
      const zone = site.timeZone;
      const span = filter.from || filter.to ? `_${filter.from ?? ''}至${filter.to ?? ''}` : '';
      return {
        fileName: `${site.name}订单${span}`,
        asciiName: `orders-${site.id}`,
        sheetName: '订单',
        title: `${site.name} 订单${filter.status ? `（${ORDER_STATUS_NAMES[filter.status]}）` : ''}，导出于 ${stamp(clock.now(), zone)}`,
        columns: [
          { header: '单号', width: 9 },
          { header: '下单时间', width: 17 },
          { header: '订户', width: 10 },
          { header: '户', width: 10 },
          { header: '组', width: 7 },
          { header: '电话', width: 13 },
          { header: '送到', width: 14 },
          { header: '物品', width: 30 },
          { header: '状态', width: 9 },
          { header: '来源', width: 6 },
          { header: '志愿者', width: 10 },
          { header: '买好时间', width: 17 },
          { header: '送达时间', width: 17 },
          { header: '垫付（元）', width: 10 },
          { header: '备注', width: 20 },
        ],
        rows: rows.map((o) => [
          orderNo(o.number),
          stamp(o.createdAt, zone),
          o.customer,
          o.household?.name ?? null,
          o.household?.villageGroup ?? null,
          o.household?.phone ?? null,
          o.deliverTo,
          formatItems(o.items.filter((i) => !i.cancelled)),
          ORDER_STATUS_NAMES[o.status],
          o.jielongId === null ? '消息' : '接龙',
          o.volunteer,
          stamp(o.boughtAt, zone),
          stamp(o.deliveredAt, zone),
          o.costFen === null ? null : o.costFen / 100,
          o.note,
        ]),
      };
    },

    async purchaseList(siteId: number, guard: Guard): Promise<Sheet> {
      const l = await lists.purchase(siteId, guard);
      return {
        fileName: `${l.site.name}采购单_${localDate(l.asOf, l.site.timeZone)}`,
        asciiName: `purchase-list-${l.site.id}`,
        sheetName: '采购单',
        title: `${l.site.name} 采购单（截至 ${stamp(l.asOf, l.site.timeZone)}，未买的订单合计）`,
        columns: [
          { header: '物品', width: 14 },
          { header: '数量', width: 8 },
          { header: '单位', width: 6 },
          { header: '单数', width: 6 },
          { header: '没说数量的单数', width: 14 },
        ],
        rows: l.items.map((i) => [i.name, i.qty, i.unit, i.orders, i.unsized]),
      };
    },

    async deliveryList(siteId: number, day: string | undefined, guard: Guard): Promise<Sheet> {
      const l = await lists.delivery(siteId, day, guard);
      return {
        fileName: `${l.site.name}送货单_${l.date}`,
        asciiName: `delivery-list-${l.site.id}-${l.date}`,
        sheetName: '送货单',
        title: `${l.site.name} 送货单（${formatDay(l.date)}：已买待送的货，和当天的送水）`,
        columns: [
          { header: '组', width: 7 },
          { header: '户/订户', width: 10 },
          { header: '送到', width: 14 },
          { header: '电话', width: 13 },
          { header: '货物', width: 36 },
          { header: '送水', width: 20 },
        ],
        rows: l.stops.map((s) => [
          s.villageGroup,
          s.who,
          s.place,
          s.phone,
          s.orders.map((o) => `${orderNo(o.number)} ${formatItems(o.items)}`).join('；') || null,
          s.water
            .map(
              (w) =>
                `${waterNo(w.number)} ${formatWater(w.qty, w.unit) || '1桶'}${w.part ? ` ${partLabel(w.part)}` : ''}`,
            )
            .join('；') || null,
        ]),
      };
    },
  };
}

const laterOf = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

export type ExportsService = ReturnType<typeof createExportsService>;
