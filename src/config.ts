// The only reader of process.env. Configuration is read once at start, from the environment and an
// optional .env file (the environment wins), and validated by zod. A bad value throws ConfigError naming
// every offending variable; callers decide how to exit, so tests can call loadConfig directly.

import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_ZONE } from './core/time.js';

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

const bool = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return fallback;
      const s = v.trim().toLowerCase();
      if (TRUE.has(s)) return true;
      if (FALSE.has(s)) return false;
      ctx.addIssue({ code: 'custom', message: 'must be true or false (1/0, yes/no, on/off)' });
      return z.NEVER;
    });

const int = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const timeZone = z
  .string()
  .default(DEFAULT_ZONE)
  .refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai');

/** Fastify's trustProxy: off, every proxy, how many hops, or the proxies' addresses and ranges. */
export type TrustProxy = boolean | number | string[];

const ADDRESS = /^(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(?:\/[0-9]{1,3})?$/i;

/** SHOUWANG_TRUST_PROXY read; undefined when it is none of the forms. */
export function readTrustProxy(v: string | undefined): TrustProxy | undefined {
  if (v === undefined) return false;
  const s = v.trim().toLowerCase();
  if (FALSE.has(s)) return false;
  if (TRUE.has(s) && s !== '1') return true;
  if (/^[0-9]{1,2}$/.test(s)) return Number(s);
  const list = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (
    list.length > 0 &&
    list.length <= 50 &&
    list.every((x) => ADDRESS.test(x) || x === 'loopback' || x === 'linklocal' || x === 'uniquelocal')
  )
    return list;
  return undefined;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(3000, 0, 65535),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SHOUWANG_DATA_DIR: z.string().min(1).default('./data/pglite'),
  SHOUWANG_INTAKE_SPOOL: z.string().min(1).default('./data/intake-spool.jsonl'),
  SHOUWANG_BATCH_SIZE: int(64, 1, 1_000),
  SHOUWANG_TIMEZONE: timeZone,
  SHOUWANG_BOT_NAME: z.string().min(1).default('守望'),
  SHOUWANG_DEMO: bool(true),
  SHOUWANG_LOGIN_TIMEOUT_MS: int(30_000, 1_000, 600_000),
  SHOUWANG_SEND_INTERVAL_MS: int(1_500, 0, 600_000),
  SHOUWANG_SEND_JITTER_MS: int(1_000, 0, 600_000),
  SHOUWANG_GROUP_DAILY_CAP: int(300, 1, 100_000),
  SHOUWANG_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): TrustProxy => {
      const r = readTrustProxy(v);
      if (r === undefined) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be false, true, a number of proxies, or addresses and CIDR ranges parted by commas (127.0.0.1,10.0.0.0/8)',
        });
        return z.NEVER;
      }
      return r;
    }),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(8, 'looks too short for a puppet service token').optional(),
  WECHATY_PUPPET_SERVICE_ENDPOINT: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port')
    .optional(),
  WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: bool(false),
});

type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  http: {
    host: string;
    port: number;
    /** Whose X-Forwarded-For to believe (the reverse proxy's): the client address the API limits by. */
    trustProxy: TrustProxy;
  };
  database: { url: string | null; dataDir: string };
  /** Where messages waiting for the database are also written down (on a disk the service keeps). */
  intakeSpool: string;
  /** Most messages stored and handled together (one transaction); 1 handles each on its own. */
  batchSize: number;
  timeZone: string;
  demo: boolean;
  chat: {
    botName: string;
    loginTimeoutMs: number;
    /** null: sandbox mode with the mock puppet. */
    service: { token: string; endpoint: string | null; tlsDisabled: boolean } | null;
  };
  outbox: { sendIntervalMs: number; sendJitterMs: number; groupDailyCap: number };
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`invalid configuration: ${issues.map((i) => `${i.variable} ${i.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` in `cwd` if it exists; variables already in `env` win. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const fromFile = readDotenv(path.join(cwd, '.env'));
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  // An empty value means "not set", as in most .env files.
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v.trim() === '') delete merged[k];

  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  if (e.WECHATY_PUPPET_SERVICE_ENDPOINT && !e.WECHATY_PUPPET_SERVICE_TOKEN) {
    throw new ConfigError([
      {
        variable: 'WECHATY_PUPPET_SERVICE_TOKEN',
        message: 'is required when WECHATY_PUPPET_SERVICE_ENDPOINT is set',
      },
    ]);
  }
  return {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    http: { host: e.HOST, port: e.PORT, trustProxy: e.SHOUWANG_TRUST_PROXY },
    database: { url: e.DATABASE_URL ?? null, dataDir: path.resolve(cwd, e.SHOUWANG_DATA_DIR) },
    intakeSpool: path.resolve(cwd, e.SHOUWANG_INTAKE_SPOOL),
    batchSize: e.SHOUWANG_BATCH_SIZE,
    timeZone: e.SHOUWANG_TIMEZONE,
    demo: e.SHOUWANG_DEMO,
    chat: {
      botName: e.SHOUWANG_BOT_NAME,
      loginTimeoutMs: e.SHOUWANG_LOGIN_TIMEOUT_MS,
      service: e.WECHATY_PUPPET_SERVICE_TOKEN
        ? {
            token: e.WECHATY_PUPPET_SERVICE_TOKEN,
            endpoint: e.WECHATY_PUPPET_SERVICE_ENDPOINT ?? null,
            tlsDisabled: e.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT,
          }
        : null,
    },
    outbox: {
      sendIntervalMs: e.SHOUWANG_SEND_INTERVAL_MS,
      sendJitterMs: e.SHOUWANG_SEND_JITTER_MS,
      groupDailyCap: e.SHOUWANG_GROUP_DAILY_CAP,
    },
  };
}

function readDotenv(file: string): Record<string, string> {
  try {
    return parseDotenv(fs.readFileSync(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
}
