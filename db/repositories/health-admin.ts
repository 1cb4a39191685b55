// Health reports, alerts and requests as the admin API lists them: with who and where, within the
// token's sites, filtered and paged by id.
import { and, asc, desc, eq, gt, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Slot } from '../../src/core/records.js';
import type { Executor } from '../client.js';
import { alerts, groups, healthReports, messages, requests, residents, rooms, sites } from '../schema.js';
import { type Keyset, localDateWithin } from './filters.js';

/** Sites a list is limited to: null for every site. */
type Scope = number[] | null;

const siteIn = (
  col: typeof healthReports.siteId | typeof alerts.siteId | typeof requests.siteId,
  s: Scope,
) => (s === null ? undefined : inArray(col, s.length ? s : [-1]));

export type RequestStatus = (typeof requests.status.enumValues)[number];
export type AlertStatus = (typeof alerts.status.enumValues)[number];

export interface ReportFilter extends Keyset {
  scope: Scope;
  siteId?: number;
  residentId?: number;
  from?: string;
  to?: string;
  slot?: Slot;
  fever?: boolean;
}

export interface AlertFilter extends Keyset {
  scope: Scope;
  siteId?: number;
  residentId?: number;
  status?: AlertStatus;
  from?: string;
  to?: string;
}

export interface RequestFilter extends Keyset {
  scope: Scope;
  siteId?: number;
  residentId?: number;
  status?: RequestStatus;
  urgent?: boolean;
}

export type AdminAlertRow = NonNullable<Awaited<ReturnType<HealthAdminRepo['alert']>>>;
export type AdminRequestRow = NonNullable<Awaited<ReturnType<HealthAdminRepo['request']>>>;
export type AdminReportRow = Awaited<ReturnType<HealthAdminRepo['reports']>>[number];

export function createHealthAdminRepo(db: Executor) {
  const selectReports = () =>
    db
      .select({
        id: healthReports.id,
        siteId: healthReports.siteId,
        residentId: healthReports.residentId,
        residentName: residents.name,
        talkerName: messages.talkerName,
        room: rooms.number,
        day: healthReports.day,
        slot: healthReports.slot,
        temperature: healthReports.temperature,
        symptoms: healthReports.symptoms,
        fever: healthReports.fever,
        reportedAt: healthReports.reportedAt,
        messageId: healthReports.messageId,
      })
      .from(healthReports)
      .leftJoin(residents, eq(residents.id, healthReports.residentId))
      .leftJoin(rooms, eq(rooms.id, residents.roomId))
      .leftJoin(messages, eq(messages.id, healthReports.messageId));

  const selectAlerts = () =>
    db
      .select({
        id: alerts.id,
        siteId: alerts.siteId,
        number: alerts.number,
        residentId: alerts.residentId,
        residentName: residents.name,
        talkerName: messages.talkerName,
        room: rooms.number,
        kind: alerts.kind,
        temperature: alerts.temperature,
        symptoms: alerts.symptoms,
        status: alerts.status,
        openedAt: alerts.openedAt,
        ackAt: alerts.ackAt,
        ackBy: alerts.ackBy,
        ackNote: alerts.ackNote,
        day: healthReports.day,
        slot: healthReports.slot,
        zone: sites.timeZone,
      })
      .from(alerts)
      .innerJoin(sites, eq(sites.id, alerts.siteId))
      .leftJoin(residents, eq(residents.id, alerts.residentId))
      .leftJoin(rooms, eq(rooms.id, residents.roomId))
      .leftJoin(healthReports, eq(healthReports.id, alerts.reportId))
      .leftJoin(messages, eq(messages.id, healthReports.messageId));

  const selectRequests = () =>
    db
      .select({ request: requests, residentName: residents.name, residentRoom: rooms.number })
      .from(requests)
      .leftJoin(residents, eq(residents.id, requests.residentId))
      .leftJoin(rooms, eq(rooms.id, residents.roomId));

  return {
    /** Current reports (not those a later one replaced), oldest first. */
    async reports(f: ReportFilter) {
      const where: (SQL | undefined)[] = [
        eq(healthReports.current, true),
        siteIn(healthReports.siteId, f.scope),
      ];
      if (f.siteId !== undefined) where.push(eq(healthReports.siteId, f.siteId));
      if (f.residentId !== undefined) where.push(eq(healthReports.residentId, f.residentId));
      if (f.from) where.push(gte(healthReports.day, f.from));
      if (f.to) where.push(lte(healthReports.day, f.to));
      if (f.slot) where.push(eq(healthReports.slot, f.slot));
      if (f.fever !== undefined) where.push(eq(healthReports.fever, f.fever));
      if (f.afterId !== undefined) where.push(gt(healthReports.id, f.afterId));
      return selectReports()
        .where(and(...where))
        .orderBy(asc(healthReports.id))
        .limit(f.limit);
    },

    async alerts(f: AlertFilter) {
      const where: (SQL | undefined)[] = [siteIn(alerts.siteId, f.scope)];
      if (f.siteId !== undefined) where.push(eq(alerts.siteId, f.siteId));
      if (f.residentId !== undefined) where.push(eq(alerts.residentId, f.residentId));
      if (f.status) where.push(eq(alerts.status, f.status));
      where.push(...localDateWithin(alerts.openedAt, sql`${sites.timeZone}`, f.from, f.to));
      if (f.afterId !== undefined) where.push(gt(alerts.id, f.afterId));
      return selectAlerts()
        .where(and(...where))
        .orderBy(asc(alerts.id))
        .limit(f.limit);
    },

    async alert(id: number) {
      const [r] = await selectAlerts().where(eq(alerts.id, id)).limit(1);
      return r ?? null;
    },

    async requests(f: RequestFilter) {
      const where: (SQL | undefined)[] = [siteIn(requests.siteId, f.scope)];
      if (f.siteId !== undefined) where.push(eq(requests.siteId, f.siteId));
      if (f.residentId !== undefined) where.push(eq(requests.residentId, f.residentId));
      if (f.status) where.push(eq(requests.status, f.status));
      if (f.urgent !== undefined) where.push(eq(requests.urgent, f.urgent));
      if (f.afterId !== undefined) where.push(gt(requests.id, f.afterId));
      return selectRequests()
        .where(and(...where))
        .orderBy(asc(requests.id))
        .limit(f.limit);
    },

    async request(id: number) {
      const [r] = await selectRequests().where(eq(requests.id, id)).limit(1);
      return r ?? null;
    },

    /** Locks an alert's row until the transaction ends (one acknowledgement at a time). */
    async lockAlert(id: number): Promise<void> {
      await db.select({ id: alerts.id }).from(alerts).where(eq(alerts.id, id)).for('update');
    },

    /** Locks a request's row until the transaction ends (one assignment or closing at a time). */
    async lockRequest(id: number): Promise<void> {
      await db.select({ id: requests.id }).from(requests).where(eq(requests.id, id)).for('update');
    },

    /** Locks a resident's row until the transaction ends (one change of the period at a time). */
    async lockResident(id: number): Promise<void> {
      await db.select({ id: residents.id }).from(residents).where(eq(residents.id, id)).for('update');
    },

    /** The newest messages a WeChat account sent in the groups of a site, newest first. */
    async messagesOf(siteId: number, talkerId: string, limit: number) {
      return db
        .select({ id: messages.id, at: messages.sentAt, text: messages.text })
        .from(messages)
        .innerJoin(groups, eq(groups.id, messages.groupId))
        .where(and(eq(groups.siteId, siteId), eq(messages.talkerId, talkerId)))
        .orderBy(desc(messages.sentAt), desc(messages.id))
        .limit(limit);
    },
  };
}

export type HealthAdminRepo = ReturnType<typeof createHealthAdminRepo>;
