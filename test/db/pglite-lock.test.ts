// The embedded database's directory belongs to one process: a second one (the CLI beside a running
// service) is refused with a clear message instead of opening it under the other's feet.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-lock-'));
  dirs.push(d);
  return path.join(d, 'pglite');
}

describe('the PGlite data directory lock', () => {
  it('refuses a directory another live process holds, and takes over a dead one’s lock', async () => {
    const dir = dataDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(`${dir}.lock`, String(other.pid));
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
        new RegExp(`in use by process ${other.pid}.*内嵌数据库正被进程 ${other.pid} 使用`),
      );
    } finally {
      other.kill();
    }
    await new Promise((r) => other.once('exit', r));
    // The owner is gone: the lock is stale and taken over, then released on close.
    const db = await openDatabase({ dataDir: dir });
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});
