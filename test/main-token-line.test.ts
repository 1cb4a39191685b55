// `npm start` in sandbox mode with the demo prints the console's address and the demo token as one plain
// line on stdout, apart from the JSON logs on stderr.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
let child: ChildProcess | null = null;
let dataDir: string | null = null;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = null;
});

describe('npm start with the demo', () => {
  it('prints 控制台 and 令牌 on a line of their own on stdout', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-main-token-'));
    const { DATABASE_URL: _ignored, ...parent } = process.env;
    const p = spawn(tsx, ['src/main.ts'], {
      cwd: root,
      env: {
        ...parent,
        PORT: '0',
        SHOUWANG_DATA_DIR: dataDir,
        SHOUWANG_INTAKE_SPOOL: path.join(dataDir, 'spool.jsonl'),
        SHOUWANG_DEMO: '1',
        LOG_LEVEL: 'info',
      },
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
    const line = /^控制台: (http:\/\/[^ ]+\/) {2}令牌: (sw_\S+)$/m;
    const deadline = Date.now() + 60_000;
    while (!line.test(stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const match = stdout.match(line);
    expect(match, `${stdout}\n${stderr}`).not.toBeNull();
    const [, consoleUrl, token] = match as RegExpMatchArray;
    // The token printed is the one the logs carry and the API accepts.
    expect(stderr).toContain(token);
    const me = await fetch(`${consoleUrl}api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    p.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);
});
