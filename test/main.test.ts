// `npm start` as a newcomer runs it: a real process on the embedded defaults. The few tests that start the
// service as a process; everything else runs in-process.

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_LOOP_DEGRADED_MS } from '../src/http/routes/health.js';

const root = path.resolve(import.meta.dirname, '..');
let child: ChildProcess | null = null;
const dataDirs: string[] = [];

function start(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-main-'));
  dataDirs.push(dataDir);
  const { DATABASE_URL: _ignored, ...parent } = process.env;
  // node with tsx's loader, not the tsx wrapper: one process, so a kill reaches the service itself
  const p = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...parent, PORT: '0', SHOUWANG_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = p;
  let stdout = '';
  let stderr = '';
  p.stdout?.on('data', (d) => {
    stdout += String(d);
  });
  p.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));
  return { p, exited, stdout: () => stdout, stderr: () => stderr };
}

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  for (const d of dataDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('npm start', () => {
  it('starts in sandbox mode with the demo, prints the console and token on a line of their own, answers /healthz, and stops on SIGTERM', async () => {
    const { p, exited, stdout, stderr } = start({ SHOUWANG_DEMO: '1' });
    // stdout: one plain line with the console's address and the demo token, apart from the JSON logs on stderr
    // (which may trail it); the token printed is the one the logs carry and the API accepts.
    const line = /^控制台: (http:\/\/[^ ]+\/) {2}令牌: (sw_\S+)$/m;
    const ready = () => {
      const m = stdout().match(line);
      return m !== null && stderr().includes(m[2] as string) && /"listening on /.test(stderr());
    };
    const deadline = Date.now() + 90_000;
    while (!ready() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const match = stdout().match(line);
    expect(match, `${stdout()}\n${stderr()}`).not.toBeNull();
    const [, consoleUrl, token] = match as RegExpMatchArray;
    expect(stderr()).toContain(token);
    expect(stderr()).toContain('SANDBOX MODE');
    const address = stderr().match(/"listening on (http:\/\/[^"]+)"/)?.[1];
    expect(address, stderr()).toBeDefined();
    const res = await fetch(`${address}/healthz`);
    expect(res.status).toBe(200);
    const health = (await res.json()) as { status: string; eventLoop: { p99Ms: number } };
    expect(health).toMatchObject({
      sandbox: true,
      database: { driver: 'pglite', state: 'up' },
      chat: { puppet: 'mock', state: 'online', user: '守望' },
    });
    // ok, unless a loaded machine ran the fresh process's event loop late: then degraded, and saying why
    expect(health.status).toBe(health.eventLoop.p99Ms < EVENT_LOOP_DEGRADED_MS ? 'ok' : 'degraded');
    const me = await fetch(`${consoleUrl}api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    p.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);

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
