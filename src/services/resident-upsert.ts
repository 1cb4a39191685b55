// One resident from a setup file or a roster row, upserted by (site, room, name): the same rule for both.
// The planned release date is start + observation days, and an existing later date (an extension by
// staff) is never shortened.
import type { RegistryRepo, SiteRow } from '../../db/repositories/registry.js';
import { addDays, laterDate } from '../core/time.js';

export interface ResidentFields {
  name: string;
  room: string;
  start: string;
  days?: number;
  phone?: string;
  wechat?: string;
  born?: number;
}

export async function upsertResident(
  repo: RegistryRepo,
  site: Pick<SiteRow, 'id' | 'observationDays'>,
  r: ResidentFields,
  opts: { demo?: boolean } = {},
): Promise<'added' | 'updated'> {
  const roomId = await repo.ensureRoom(site.id, r.room);
  const end = addDays(r.start, r.days ?? site.observationDays);
  const existing = await repo.residentByKey(site.id, roomId, r.name);
  if (!existing) {
    await repo.insertResident({
      siteId: site.id,
      roomId,
      name: r.name,
      phone: r.phone ?? null,
      wechatName: r.wechat ?? null,
      birthYear: r.born ?? null,
      startDate: r.start,
      plannedEndDate: end,
      demo: opts.demo ?? false,
    });
    return 'added';
  }
  await repo.updateResident(existing.id, {
    startDate: r.start,
    plannedEndDate: laterDate(end, existing.plannedEndDate),
    ...(r.phone ? { phone: r.phone } : {}),
    ...(r.wechat ? { wechatName: r.wechat } : {}),
    ...(r.born ? { birthYear: r.born } : {}),
  });
  return 'updated';
}
