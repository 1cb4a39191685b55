// Small fixtures: a site with its groups, written straight into the database.
import type { Executor } from '../../db/client.js';
import { groups, sites } from '../../db/schema.js';
import type { GroupRole, SiteKind } from '../../src/core/domain.js';

export async function addSite(
  db: Executor,
  site: { name: string; kind: SiteKind; timeZone?: string },
  groupList: { topic: string; role: GroupRole }[],
): Promise<{ siteId: number; groupIds: number[] }> {
  const [s] = await db
    .insert(sites)
    .values({ name: site.name, kind: site.kind, timeZone: site.timeZone ?? 'Asia/Shanghai' })
    .returning({ id: sites.id });
  const siteId = (s as { id: number }).id;
  const rows = await db
    .insert(groups)
    .values(groupList.map((g) => ({ siteId, topic: g.topic, role: g.role })))
    .returning({ id: groups.id });
  return { siteId, groupIds: rows.map((r) => r.id) };
}
