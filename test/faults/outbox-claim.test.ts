// A worker process dies between claiming an outbox row and sending it. The row stays claimed until
// the claim expires; then the service's worker sends it, once. The dying worker is a real child process
// that claims through the real repository and is killed with SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.js';
import { createOutboxRepo } from '../../db/repositories/outbox.js';
import { outbox } from '../../db/schema.js';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';
import { startTestService } from '../helpers/service.js';
import { waitFor } from '../helpers/wait.js';

const VILLAGERS = '七星洞村村民群';
const TEXT = '明天上午九点送水，请各组在路口等候。';
const CLAIM_TTL_MS = 6_000;
const child = path.join(import.meta.dirname, 'children/claim-and-hang.ts');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

/** A database the test process and the child can both open: Postgres, or PGlite in a directory. */
async function sharedDatabase(): Promise<{ open: () => Promise<TestDatabase>; where: string }> {
  if (usingPostgres) {
    const db = await createTestDatabase();
    cleanups.push(() => db.close());
    return { open: async () => db, where: db.url as string };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-claim-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const open = async () => ({ ...(await openDatabase({ dataDir: dir })), url: null });
  const db = await open();
  await db.migrate();
  await db.close();
  return { open, where: dir };
}

function claimInChild(where: string): Promise<{ proc: ChildProcess; claimed: { id: number | null } }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, where, String(CLAIM_TTL_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => void proc.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ proc, claimed: JSON.parse(out) });
    });
    proc.once('exit', (code) => reject(new Error(`the claiming worker exited early (${code})`)));
  });
}

const killed = (proc: ChildProcess) =>
  new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });

describe('a worker dies between claiming a message and sending it', () => {
  it('the message is sent once, after the claim expires', { timeout: 60_000 }, async () => {
    const shared = await sharedDatabase();
    let db: Database = await shared.open();
    const { groupIds } = await addSite(db.db, { name: '七星洞村', kind: 'village' }, [
      { topic: VILLAGERS, role: 'villagers' },
    ]);
    const [id] = await createOutboxRepo(db.db).enqueue({
      groupId: groupIds[0] as number,
      topic: VILLAGERS,
      text: TEXT,
      createdAt: new Date(),
    });
    // PGlite's directory belongs to one process at a time.
    if (!usingPostgres) await db.close();

    const { proc, claimed } = await claimInChild(shared.where);
    expect(claimed.id).toBe(id);
    await killed(proc);

    if (!usingPostgres) db = await shared.open();
    const row = async () =>
      (
        await db.db
          .select()
          .from(outbox)
          .where(eq(outbox.id, id as number))
      )[0];
    const held = await row();
    expect(held).toMatchObject({ status: 'sending', attempts: 1 });
    const claimExpiresAt = held?.claimExpiresAt as Date;
    expect(claimExpiresAt.getTime()).toBeGreaterThan(Date.now());

    const t = await startTestService({ db: db as TestDatabase });
    cleanups.push(async () => {
      await t.stop();
      if (!usingPostgres) await db.close();
    });

    const sent = await waitFor(() => t.world.sent().find((m) => m.text === TEXT), {
      timeoutMs: CLAIM_TTL_MS + 25_000,
      what: 'the message sent by the service',
    });
    expect(sent.topic).toBe(VILLAGERS);
    expect(sent.at.getTime()).toBeGreaterThanOrEqual(claimExpiresAt.getTime());
    const done = await waitFor(async () => {
      const r = await row();
      return r?.status === 'sent' ? r : null;
    });
    // Claimed twice (the dead worker, then the service's), sent once.
    expect(done).toMatchObject({ status: 'sent', attempts: 2, claimExpiresAt: null });
    expect(t.world.sent().filter((m) => m.text === TEXT)).toHaveLength(1);
  });
});
