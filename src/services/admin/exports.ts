// The admin API's exports as sheets of data: an observation site's temperature 台账 (one row per
// resident, a column per day and report slot, fevers marked), and a village's orders, purchase list and
// delivery list. Writers (core/sheet.ts for CSV, sheet-xlsx.ts) make the files.
import type { Db } from '../../../db/client.js';
import type { OrderStatus } from '../../../db/repositories/orders.js';
import { createRegistryRepo, type SiteRow } from '../../../db/repositories/registry.js';
import { createVillageAdminRepo } from '../../../db/repositories/village-admin.js';
import type { Clock } from '../../core/clock.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import type { Sheet } from '../../core/sheet.js';
import { localDate, toZonedIso } from '../../core/time.js';
import {
  formatDay,
  formatItems,
  formatWater,
  orderNo,
  partLabel,
  waterNo,
} from '../../core/village/format.js';
import type { Guard } from './guard.js';
import type { ListsAdminService } from './lists.js';
import { temperatureSheet } from './temperature-sheet.js';

export { ExportRangeError, MAX_EXPORT_DAYS } from './temperature-sheet.js';

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

  return {
    /** The temperature 台账 of an observation site (temperature-sheet.ts), today in its zone by default. */
    async temperatures(siteId: number, range: { from?: string; to?: string }, guard: Guard): Promise<Sheet> {
      const site = await siteOf(siteId, guard, 'quarantine');
      return temperatureSheet(db, site, range, localDate(clock.now(), site.timeZone));
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
          // A cancelled order still says what it was; in a live one, withdrawn goods are left out.
          formatItems(o.status === 'cancelled' ? o.items : o.items.filter((i) => !i.cancelled)),
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

export type ExportsService = ReturnType<typeof createExportsService>;
