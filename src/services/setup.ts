// `shouwang setup FILE.json`: an idempotent upsert of sites, their groups, residents and households, in
// one transaction. Residents follow the rule of resident-upsert.ts (an extension is never shortened).
import type { Db } from '../../db/client.js';
import { createRegistryRepo } from '../../db/repositories/registry.js';
import { ValidationError } from '../core/errors.js';
import type { ValidSetupFile } from '../core/setup-file.js';
import { validateSetup } from '../core/setup-file.js';
import { upsertResident } from './resident-upsert.js';

export interface SetupSummary {
  sites: number;
  groups: number;
  residents: { added: number; updated: number };
  households: number;
}

export function createSetupService(deps: { db: Db; defaultZone: string }) {
  return {
    /** `demo` marks everything written as demo data (the sandbox's). */
    async apply(input: unknown, opts: { demo?: boolean } = {}): Promise<SetupSummary> {
      const checked = validateSetup(input);
      if (!checked.ok) throw new ValidationError('the setup file has problems', checked.problems);
      return deps.db.transaction((tx) =>
        applyValid(createRegistryRepo(tx), checked.value, deps.defaultZone, opts.demo ?? false),
      );
    },
  };
}

async function applyValid(
  repo: ReturnType<typeof createRegistryRepo>,
  file: ValidSetupFile,
  defaultZone: string,
  demo: boolean,
): Promise<SetupSummary> {
  const summary: SetupSummary = { sites: 0, groups: 0, residents: { added: 0, updated: 0 }, households: 0 };
  for (const s of file.sites) {
    const site = await repo.upsertSite({
      name: s.name,
      kind: s.kind,
      timeZone: s.timezone ?? defaultZone,
      observationDays: s.observationDays,
      feverThreshold: s.feverThreshold,
      reportTimes: s.reportTimes,
      schedule: s.schedule,
      ...(demo ? { demo } : {}),
    });
    summary.sites++;
    for (const g of s.groups) {
      await repo.upsertGroup(site.id, g.topic, g.role);
      summary.groups++;
    }
    for (const number of s.rooms) await repo.ensureRoom(site.id, number);
    for (const r of s.residents) {
      if ((await upsertResident(repo, site, r, { demo })) === 'added') summary.residents.added++;
      else summary.residents.updated++;
    }
    for (const h of s.households) {
      await repo.upsertHousehold({
        siteId: site.id,
        name: h.name,
        villageGroup: h.group ?? null,
        address: h.address ?? null,
        phone: h.phone ?? null,
        wechatName: h.wechat ?? null,
        demo,
      });
      summary.households++;
    }
  }
  return summary;
}
