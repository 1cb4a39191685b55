// `npm start` as a newcomer runs it: a real process on the embedded defaults.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
let child: ChildProcess | null = null;

function start(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-main-'));
  const { DATABASE_URL: _ignored, ...parent } = process.env;
  const p = spawn(tsx, ['src/main.ts'], {
    cwd: root,
    env: { ...parent, PORT: '0', SHOUWANG_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = p;
  let stderr = '';
  p.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));
  return { p, exited, stderr: () => stderr };
}

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
});

describe('npm start', () => {
  it('starts in sandbox mode, answers /healthz, and stops on SIGTERM', async () => {
    const { p, exited, stderr } = start({});
    const deadline = Date.now() + 30_000;
    let address: string | undefined;
    while (!address && Date.now() < deadline) {
      address = stderr().match(/"listening on (http:\/\/[^"]+)"/)?.[1];
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(address, stderr()).toBeDefined();
    expect(stderr()).toContain('SANDBOX MODE');
    const res = await fetch(`${address}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      sandbox: true,
      database: { driver: 'pglite', state: 'up' },
      chat: { puppet: 'mock', state: 'online', user: '守望' },
    });
    p.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a bad setting, naming the variable', async () => {
    const { exited, stderr } = start({ PORT: 'seventy' });
    expect(await exited).toBe(1);
    expect(stderr()).toMatch(/^shouwang: invalid configuration: PORT /m);
  });

  it('reports a database that refuses connections in one line', async () => {
    const { exited, stderr } = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
    expect(await exited).toBe(1);
    expect(stderr().trim()).toMatch(
      /^shouwang: cannot connect to Postgres at 127\.0\.0\.1:1\/none: ECONNREFUSED/,
    );
    expect(stderr()).not.toMatch(/\n\s+at /);
  });
});
