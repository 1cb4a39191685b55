import type { Executor } from '../../../db/client.js';
import { createRegistryRepo, type SiteRow } from '../../../db/repositories/registry.js';
import type { SiteKind } from '../../core/domain.js';
import { ValidationError } from '../../core/errors.js';

/**
 * Called by a service on each record it is about to touch, with the record's site (null: none), inside
 * the write's transaction; it throws to refuse. The HTTP layer passes the token's site-scope check.
 */
export type Guard = (siteId: number | null) => void;

/** For callers that act on every site (the command line). */
export const anySite: Guard = () => {};

const KIND_NAMES: Record<SiteKind, string> = { quarantine: 'an observation site', village: 'a village' };

/**
 * The site `siteId` named in a body, of `kind`, checked against the guard. An unknown site or one of the
 * wrong kind is a problem with the field `siteId`.
 */
export async function siteOfKind(
  tx: Executor,
  siteId: number,
  kind: SiteKind,
  what: string,
  guard: Guard,
): Promise<SiteRow> {
  const site = await createRegistryRepo(tx).siteById(siteId);
  if (!site) throw new ValidationError(`invalid ${what}`, [`siteId: no site with id ${siteId}`]);
  guard(site.id);
  if (site.kind !== kind)
    throw new ValidationError(`invalid ${what}`, [
      `siteId: ${site.name} is ${KIND_NAMES[site.kind]}; ${what}s belong to ${KIND_NAMES[kind]}`,
    ]);
  return site;
}
