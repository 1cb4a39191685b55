// The setup file (../shared/CONTRACT.md section 3), validated. Extensions beyond the contract:
// per-site `schedule`, village `households`, resident `phone`/`days`.
import { z } from 'zod';
import { FORMULA_START } from './sheet.js';
import { isIsoDate } from './time.js';

/** Longest name, nickname, group topic; room number; phone; free text such as an address. */
export const MAX_NAME = 100;
export const MAX_ROOM = 20;
export const MAX_PHONE = 30;
export const MAX_TEXT = 500;
/** Most rooms, residents or households of one site in one file. */
export const MAX_ROWS = 5_000;

/** A year of birth. */
export const BIRTH_YEAR = z.number().int().min(1900).max(2100);

const hhmm = z
  .string()
  .max(5, 'must be HH:MM')
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const isoDate = z
  .string()
  .max(10, 'must be a date YYYY-MM-DD')
  .refine(isIsoDate, 'must be a date YYYY-MM-DD');
const zone = z
  .string()
  .max(64, 'must be an IANA time zone such as Asia/Shanghai')
  .refine((z) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: z });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Shanghai');

/**
 * A name people and spreadsheets will read (a person's, a household's, a nickname, a village group): one a
 * spreadsheet would run as a formula is refused, as the roster refuses it (exports neutralise it anyway).
 */
export const plainName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (v) => !FORMULA_START.test(v),
      'must not start with = + - or @ (a spreadsheet would run it as a formula)',
    );

export const ResidentInput = z.object({
  name: plainName(MAX_NAME),
  room: z.string().trim().min(1).max(MAX_ROOM),
  wechat: plainName(MAX_NAME).optional(),
  phone: z.string().trim().min(1).max(MAX_PHONE).optional(),
  start: isoDate,
  days: z.number().int().min(1).max(60).optional(),
  /** Year of birth: the elderly come first on the call list. */
  born: BIRTH_YEAR.optional(),
});

export const HouseholdInput = z.object({
  name: plainName(MAX_NAME),
  group: plainName(MAX_NAME).optional(),
  address: z.string().trim().min(1).max(MAX_TEXT).optional(),
  phone: z.string().trim().min(1).max(MAX_PHONE).optional(),
  wechat: plainName(MAX_NAME).optional(),
});

export const ScheduleInput = z
  .object({
    nudgeAfterMin: z.number().int().min(5).max(600),
    privateAfterMin: z.number().int().min(5).max(720),
    staffMissingAfterMin: z.number().int().min(5).max(720),
    ladderNudge: z.boolean(),
    ladderPrivate: z.boolean(),
    ladderCallList: z.boolean(),
    digestTime: hhmm,
    morningSummaryTime: hhmm,
    releaseNoticeTime: hhmm,
    volunteerEveningTime: hhmm,
    deliveryMorningTime: hhmm,
    quietStart: hhmm,
    quietEnd: hhmm,
  })
  .partial()
  .strict();

export const SiteInput = z.object({
  name: z.string().trim().min(1).max(MAX_NAME),
  kind: z.enum(['quarantine', 'village']),
  timezone: zone.optional(),
  observationDays: z.number().int().min(1).max(60).optional(),
  feverThreshold: z.number().min(36).max(40).optional(),
  reportTimes: z.array(hhmm).min(1).max(2).optional(),
  schedule: ScheduleInput.optional(),
  groups: z
    .array(
      z.object({
        topic: z.string().trim().min(1).max(MAX_NAME),
        role: z.enum(['residents', 'staff', 'villagers', 'volunteers']),
      }),
    )
    .max(50)
    .default([]),
  /** Rooms to create even when nobody lives in them yet (observation sites). */
  rooms: z.array(z.string().trim().min(1).max(MAX_ROOM)).max(MAX_ROWS).default([]),
  residents: z.array(ResidentInput).max(MAX_ROWS).default([]),
  households: z.array(HouseholdInput).max(MAX_ROWS).default([]),
});

export const SetupFile = z.object({ sites: z.array(SiteInput).min(1).max(100) });
export type SetupFile = z.input<typeof SetupFile>;
export type ValidSetupFile = z.output<typeof SetupFile>;
export type SiteInput = z.infer<typeof SiteInput>;

const ROLES_BY_KIND = { quarantine: ['residents', 'staff'], village: ['villagers', 'volunteers'] } as const;

/** Validates a parsed setup file; returns readable problems (`sites[0].groups[1].role: …`) or the value. */
export function validateSetup(
  input: unknown,
): { ok: true; value: ValidSetupFile } | { ok: false; problems: string[] } {
  const parsed = SetupFile.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`),
    };
  }
  const problems: string[] = [];
  const topics = new Set<string>();
  parsed.data.sites.forEach((site, s) => {
    site.groups.forEach((g, i) => {
      if (!(ROLES_BY_KIND[site.kind] as readonly string[]).includes(g.role))
        problems.push(
          `sites[${s}].groups[${i}].role: a ${site.kind} site has groups of role ${ROLES_BY_KIND[site.kind].join(' or ')}`,
        );
      if (topics.has(g.topic)) problems.push(`sites[${s}].groups[${i}].topic: "${g.topic}" is used twice`);
      topics.add(g.topic);
    });
    if (site.kind === 'village' && site.residents.length)
      problems.push(`sites[${s}].residents: villages have households, not residents`);
    if (site.kind === 'village' && site.rooms.length)
      problems.push(`sites[${s}].rooms: villages have no rooms`);
    if (site.kind === 'quarantine' && site.households.length)
      problems.push(`sites[${s}].households: observation sites have residents, not households`);
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

function formatPath(path: PropertyKey[]): string {
  return (
    path.reduce<string>(
      (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
      '',
    ) || '(file)'
  );
}
