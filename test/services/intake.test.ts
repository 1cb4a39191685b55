import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGroupsRepo } from '../../db/repositories/groups.js';
import { createMessagesRepo, type MessagesRepo } from '../../db/repositories/messages.js';
import { messages } from '../../db/schema.js';
import { systemClock } from '../../src/core/clock.js';
import type { ChatMessage, IncomingMessage } from '../../src/core/domain.js';
import { silentLogger } from '../../src/log.js';
import { createIntakeService } from '../../src/services/intake.js';
import { createFileSpool, type IntakeSpool } from '../../src/services/intake-spool.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { intercept, refused } from '../helpers/intercept.js';
import { waitFor } from '../helpers/wait.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.db.delete(messages);
});

const incoming = (providerId: string, text = '体温36.5'): IncomingMessage => ({
  providerId,
  roomId: 'r1@chatroom',
  roomTopic: '住户群',
  talkerId: 'wxid-1',
  talkerName: '2105高',
  kind: 'text',
  text,
  at: new Date('2020-02-15T00:00:00Z'),
  mentionsSelf: false,
  mentionIds: [],
});

function intake(
  repo: MessagesRepo,
  handler: (m: ChatMessage) => Promise<void>,
  concurrency?: number,
  spool?: IntakeSpool,
) {
  const service = createIntakeService({
    concurrency,
    spool,
    messages: repo,
    groups: createGroupsRepo(db.db),
    clock: systemClock,
    log: silentLogger,
    retryBaseMs: 5,
    retryMaxMs: 20,
    maxFailures: 3,
  });
  service.onStored(handler);
  return service;
}

describe('the intake', () => {
  it('handles a message whose insert committed although the answer was lost', async () => {
    const repo = createMessagesRepo(db.db);
    let first = true;
    const lossy = intercept(repo, async (name, _args, call) => {
      const answer = await call();
      if (name === 'insert' && first) {
        first = false;
        throw refused();
      }
      return answer;
    });
    const handled: number[] = [];
    const s = intake(lossy, async (m) => void handled.push(m.id));
    await s.accept(incoming('m1'));
    await waitFor(() => handled.length === 1, { what: 'the message handled' });
    const rows = await db.db.select().from(messages);
    expect(rows.map((r) => r.id)).toEqual(handled);
    await s.stop();
  });

  it('keeps the order of messages that waited for the database', async () => {
    const repo = createMessagesRepo(db.db);
    let refusals = 3;
    const away = intercept(repo, async (name, _args, call) => {
      if (name === 'insert' && refusals-- > 0) throw refused();
      return call();
    });
    const handled: string[] = [];
    const s = intake(away, async (m) => void handled.push(m.providerId));
    await Promise.all(['m1', 'm2', 'm3'].map((id) => s.accept(incoming(id))));
    await waitFor(() => handled.length === 3, { what: 'three messages handled' });
    expect(handled).toEqual(['m1', 'm2', 'm3']);
    await s.stop();
  });

  it('hands an interrupted message over again without storing it twice', async () => {
    let calls = 0;
    const s = intake(createMessagesRepo(db.db), async () => {
      if (++calls === 1) throw refused();
    });
    await s.accept(incoming('m1'));
    await waitFor(() => calls === 2, { what: 'the handler called again' });
    expect(await db.db.select().from(messages)).toHaveLength(1);
    expect(s.pending()).toBe(0);
    await s.stop();
  });

  it('gives up on a message the database refuses for good, without holding up the next', async () => {
    const repo = createMessagesRepo(db.db);
    let tries = 0;
    const picky = intercept(repo, async (name, args, call) => {
      const rows = name === 'insert' ? (args[0] as { message: IncomingMessage }[]) : [];
      if (rows.some((r) => r.message.providerId === 'bad')) {
        tries++;
        throw Object.assign(new Error('value too long'), { code: '22001' });
      }
      return call();
    });
    const handled: string[] = [];
    const s = intake(picky, async (m) => void handled.push(m.providerId));
    await s.accept(incoming('bad'));
    await s.accept(incoming('good'));
    await waitFor(() => handled.length === 1, { what: 'the good message handled' });
    expect(handled).toEqual(['good']);
    expect(tries).toBe(3);
    await s.stop();
  });

  it('handles rooms side by side, each room in order, never more rooms at once than allowed', async () => {
    // Room r1's first message is held up; r2 and r3 go on meanwhile, but only two rooms run at once.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const handled: string[] = [];
    let running = 0;
    let most = 0;
    const s = intake(
      createMessagesRepo(db.db),
      async (m) => {
        running++;
        most = Math.max(most, running);
        if (m.providerId === 'r1-a') await held;
        handled.push(m.providerId);
        running--;
      },
      2,
    );
    const inRoom = (room: string, id: string) => ({ ...incoming(id), roomId: `${room}@chatroom` });
    const all = [
      s.accept(inRoom('r1', 'r1-a')),
      s.accept(inRoom('r1', 'r1-b')),
      s.accept(inRoom('r2', 'r2-a')),
      s.accept(inRoom('r3', 'r3-a')),
      s.accept(inRoom('r2', 'r2-b')),
    ];
    await waitFor(() => handled.length === 3, { what: 'the other rooms handled while r1 waits' });
    expect(handled).toEqual(['r2-a', 'r2-b', 'r3-a']);
    expect(s.pending()).toBe(2);
    release();
    await Promise.all(all);
    expect(handled).toEqual(['r2-a', 'r2-b', 'r3-a', 'r1-a', 'r1-b']);
    expect(most).toBe(2);
    expect(s.pending()).toBe(0);
    await s.stop();
  });

  it('stores text as it can be kept: no NUL, capped with its full length', async () => {
    const handled: ChatMessage[] = [];
    const s = intake(createMessagesRepo(db.db), async (m) => void handled.push(m));
    await s.accept(incoming('nul', '36\u0000.5'));
    await s.accept(incoming('long', '好'.repeat(25_000)));
    await waitFor(() => handled.length === 2, { what: 'both handled' });
    const rows = await db.db.select().from(messages).orderBy(messages.id);
    expect(rows.map((r) => [r.text.length, r.originalLength])).toEqual([
      [4, null],
      [20_000, 25_000],
    ]);
    expect(rows[0]?.text).toBe('36.5');
    expect(handled[1]?.body).toHaveLength(20_000);
    await s.stop();
  });
});

describe('the intake spool', () => {
  const spoolFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-spool-')), 'spool.jsonl');
  const spooled = (file: string) =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l).providerId)
      : [];

  /** A messages repository whose inserts find the database away while `down()` says so. */
  const flaky = (down: () => boolean): MessagesRepo =>
    intercept(createMessagesRepo(db.db), async (name, _args, call) => {
      if (name === 'insert' && down()) throw refused();
      return call();
    });

  const withSpool = (repo: MessagesRepo, file: string, handler: (m: ChatMessage) => Promise<void>) =>
    intake(repo, handler, undefined, createFileSpool(file, silentLogger));

  it('writes down what waits for the database, and a new start takes it from there once', async () => {
    const file = spoolFile();
    let down = true;
    const first = withSpool(
      flaky(() => down),
      file,
      async () => {},
    );
    // m0 was stored before the outage and is in the spool too (as after a lost answer): stored once.
    await createMessagesRepo(db.db).insert([{ message: incoming('m0'), groupId: null }], new Date());
    await first.accept(incoming('m1'));
    await first.accept({ ...incoming('m2'), roomId: 'r2@chatroom' });
    await first.accept(incoming('m3'));
    expect(spooled(file)).toEqual(['m1', 'm2', 'm3']);
    // The process stops (or dies) while the database is still away: nothing is stored.
    await first.stop();
    expect(await db.db.select().from(messages)).toHaveLength(1);
    fs.appendFileSync(file, `${JSON.stringify(incoming('m0'))}\n{"providerId":"torn`);

    down = false;
    const handled: string[] = [];
    const next = withSpool(
      flaky(() => down),
      file,
      async (m) => void handled.push(m.providerId),
    );
    expect(await next.recover()).toBe(4);
    await next.settle();
    expect(handled.sort()).toEqual(['m1', 'm2', 'm3']);
    const rows = await db.db.select().from(messages).orderBy(messages.id);
    expect(rows.map((r) => r.providerId).sort()).toEqual(['m0', 'm1', 'm2', 'm3']);
    expect(rows.find((r) => r.providerId === 'm1')?.sentAt).toEqual(incoming('m1').at);
    // Everything in it is stored: the spool is emptied, and a later start finds nothing.
    await waitFor(() => !fs.existsSync(file), { what: 'the spool emptied' });
    expect(await next.recover()).toBe(0);
    await next.stop();
  });

  it('cuts off a torn last line, so what is written after a crash is read again', async () => {
    const file = spoolFile();
    fs.writeFileSync(file, `${JSON.stringify(incoming('t1'))}\n{"providerId":"torn`);
    // Restarted while the database is still away: t1 waits, t2 arrives and is written down.
    const down = true;
    const second = withSpool(
      flaky(() => down),
      file,
      async () => {},
    );
    await second.recover();
    await second.accept(incoming('t2'));
    expect(spooled(file)).toEqual(['t1', 't2']);
    await second.stop();
    // Another start finds both.
    const handled: string[] = [];
    const third = withSpool(createMessagesRepo(db.db), file, async (m) => void handled.push(m.providerId));
    expect(await third.recover()).toBe(2);
    await third.settle();
    expect(handled.sort()).toEqual(['t1', 't2']);
    await third.stop();
  });

  it('writes nothing while the database answers, and empties itself after an outage it outlived', async () => {
    const file = spoolFile();
    let refusals = 2;
    const handled: string[] = [];
    const s = withSpool(
      flaky(() => refusals-- > 0),
      file,
      async (m) => void handled.push(m.providerId),
    );
    await s.accept(incoming('a1'));
    await waitFor(() => handled.length === 1, { what: 'a1 handled after the outage' });
    await waitFor(() => !fs.existsSync(file), { what: 'the spool emptied' });
    await s.accept(incoming('a2'));
    await waitFor(() => handled.length === 2, { what: 'a2 handled' });
    expect(fs.existsSync(file)).toBe(false);
    await s.stop();
  });
});
