// The `shouwang` command as users run it (npx shouwang → bin/shouwang.js).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-cli-'));
// On Postgres runs the commands get a database of this file's own.
let db: TestDatabase | null = null;
beforeAll(async () => {
  if (process.env.DATABASE_URL) db = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await db?.close();
});

function shouwang(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/shouwang.js'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      SHOUWANG_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(db?.url ? { DATABASE_URL: db.url } : {}),
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('shouwang CLI', () => {
  it('applies migrations with db migrate', () => {
    const r = shouwang(['db', 'migrate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^migrations applied \((pglite|postgres): /);
  });

  it('lists an empty outbox as JSON', () => {
    const r = shouwang(['outbox', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('exits 2 with one line for an unknown command', () => {
    const r = shouwang(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shouwang: unknown command "frobnicate" (shouwang --help lists them)\n');
  });

  it('prints the usage', () => {
    const r = shouwang(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shouwang <command>');
  });
});
