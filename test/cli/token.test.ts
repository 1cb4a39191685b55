// `shouwang token create|revoke|list` (in-process); the token it prints works against the API.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock.js';
import { buildApp } from '../../src/http/app.js';
import { silentLogger } from '../../src/log.js';
import { createServices } from '../../src/services/index.js';
import { cliSession } from '../helpers/cli.js';

const cli = cliSession('sw-token-');
const shouwang = cli.run;
const dir = cli.dir;

const SETUP = {
  sites: [
    { name: '五指山观察点', kind: 'quarantine', groups: [] },
    { name: '七星洞村', kind: 'village', groups: [] },
  ],
};
beforeAll(async () => {
  await cli.open();
  fs.writeFileSync(path.join(dir, 'setup.json'), JSON.stringify(SETUP));
  expect((await shouwang('setup', 'setup.json')).code).toBe(0);
}, 300_000);
afterAll(async () => {
  await cli.close();
});

/** The service's API on the CLI's database. */
async function withApi<T>(fn: (call: (token: string, url: string) => Promise<number>) => Promise<T>) {
  const database = cli.db;
  const services = createServices({
    database,
    clock: systemClock,
    log: silentLogger,
    defaultZone: 'Asia/Shanghai',
    notifyOutbox: () => {},
  });
  const app = await buildApp({
    log: silentLogger,
    health: async () => ({
      database: { driver: database.driver, state: 'up' },
      chat: { puppet: 'mock', state: 'online', user: null },
      eventLoop: { p99Ms: 0, maxMs: 0 },
    }),
    api: { services, clock: systemClock, defaultZone: 'Asia/Shanghai' },
  });
  try {
    return await fn(
      async (token, url) =>
        (await app.inject({ url, headers: { authorization: `Bearer ${token}` } })).statusCode,
    );
  } finally {
    await app.close();
  }
}

// Generous for a busy machine.
const SLOW = 300_000;

describe('shouwang token', () => {
  it('creates tokens that print alone on stdout and work at once, limited to their sites', {
    timeout: SLOW,
  }, async () => {
    const admin = await shouwang('token', 'create', '--role', 'admin', '--name', 'root');
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    expect(admin.stdout).toMatch(/^sw_[0-9A-Za-z]{40}\n$/);
    const volunteer = await shouwang(
      'token',
      'create',
      '--role',
      'volunteer',
      '--name',
      '老李',
      '--site',
      '七星洞村',
    );
    expect(volunteer.code).toBe(0);

    await withApi(async (call) => {
      expect(await call(admin.stdout.trim(), '/api/v1/audit')).toBe(200);
      expect(await call(volunteer.stdout.trim(), '/api/v1/sites/2/counts')).toBe(200);
      expect(await call(volunteer.stdout.trim(), '/api/v1/sites/1/counts')).toBe(403);
      expect(await call(volunteer.stdout.trim(), '/api/v1/residents')).toBe(403);
    });

    const list = await shouwang('token', 'list');
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^1\troot\tadmin\tall sites\tsw_\w{6}…\tcreated .+\tlast used .+\tlive$/);
    expect(lines[1]).toMatch(/^2\t老李\tvolunteer\t七星洞村\t/);
    expect(list.stdout).not.toContain(admin.stdout.trim());

    const revoked = await shouwang('token', 'revoke', '老李');
    expect(revoked).toMatchObject({ code: 0, stdout: 'revoked token 2 (老李)\n' });
    await withApi(async (call) => {
      expect(await call(volunteer.stdout.trim(), '/api/v1/sites')).toBe(401);
    });
    expect((await shouwang('token', 'list')).stdout).toMatch(/^2\t老李\t.*\tREVOKED /m);
  });

  it('fails with one line for bad roles, missing sites, unknown sites and names', {
    timeout: SLOW,
  }, async () => {
    const cases: [string[], number, string][] = [
      [
        ['create', '--role', 'boss', '--name', 'x'],
        2,
        'shouwang: give --role, one of admin, staff, medic, volunteer, viewer\n',
      ],
      [['create', '--role', 'staff'], 2, 'shouwang: give --name LABEL\n'],
      [
        ['create', '--role', 'staff', '--name', 'x'],
        1,
        'shouwang: invalid token: sites: a staff token needs at least one site\n',
      ],
      [
        ['create', '--role', 'staff', '--name', 'x', '--site', '不存在'],
        1,
        'shouwang: no site named 不存在\n',
      ],
      [['revoke', 'nobody'], 1, 'shouwang: token nobody not found\n'],
    ];
    for (const [args, code, stderr] of cases) {
      const r = await shouwang('token', ...args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr, args.join(' ')).toBe(stderr);
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('revokes by id, and says so when a token is revoked already', { timeout: SLOW }, async () => {
    const created = await shouwang(
      'token',
      'create',
      '--role',
      'viewer',
      '--name',
      'board',
      '--site',
      '五指山观察点',
    );
    expect(created.code).toBe(0);
    const id = (await shouwang('token', 'list')).stdout
      .split('\n')
      .find((l) => l.includes('\tboard\t'))
      ?.split('\t')[0];
    expect((await shouwang('token', 'revoke', String(id))).stdout).toBe(`revoked token ${id} (board)\n`);
    const again = await shouwang('token', 'revoke', 'board');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('shouwang: token board is already revoked\n');
  });
});
