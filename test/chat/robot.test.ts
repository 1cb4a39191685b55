// The robot on a real database: a message is understood once and its listeners, keyed by what it means,
// run in the message's transaction; their answers go out as one reply.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Tx } from '../../db/client.js';
import { unitOfWork } from '../../db/unit.js';
import { type Reply, Robot } from '../../src/chat/robot.js';
import type { ChatMessage, GroupRole, SiteKind } from '../../src/core/domain.js';
import { silentLogger } from '../../src/log.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { refused } from '../helpers/intercept.js';

let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDatabase({ migrate: false });
  await d.db.execute(sql`create table robot_t (v text not null)`);
});
afterAll(() => d.close());

function message(
  body: string,
  role: GroupRole | null = 'residents',
  kind: SiteKind = 'quarantine',
): ChatMessage {
  return {
    id: 1,
    providerId: 'p1',
    roomId: 'r@chatroom',
    roomTopic: '住户群',
    talkerId: 'w1',
    talkerName: '2105高',
    kind: 'text',
    text: body,
    body,
    at: new Date('2020-02-15T08:00:00+08:00'),
    mentionsSelf: false,
    mentionIds: [],
    group: role
      ? { id: 1, topic: '住户群', role, siteId: 1, siteName: '点', siteKind: kind, timeZone: 'Asia/Shanghai' }
      : null,
  };
}

function robot() {
  const said: Reply[][] = [];
  const r = new Robot({
    log: silentLogger,
    respond: async (_m, replies) => void said.push(replies),
    isTransient: (err) => (err as { code?: string }).code === 'ECONNREFUSED',
  });
  const receive = (msg: ChatMessage, isolate = false) =>
    unitOfWork(d.db, (tx) => r.receive(msg, tx, { isolate }));
  return { r, said, receive };
}

const insert = (tx: Tx, v: string) => tx.execute(sql`insert into robot_t (v) values (${v})`);
const stored = async () => (await queryRows<{ v: string }>(d.db, sql`select v from robot_t`)).map((r) => r.v);

describe('the robot', () => {
  it('dispatches a command by its one name, whatever word or ＃ or colon was used', async () => {
    const { r, receive } = robot();
    const seen: string[] = [];
    r.command('完成', (res) => void seen.push(res.understood.command?.rest ?? ''), { roles: ['staff'] });
    await receive(message('#完成 R-0003 已送到', 'staff'));
    await receive(message('＃已办结：R-0004', 'staff'));
    await receive(message('#办好了R-0005', 'staff'));
    await receive(message('#完成 R-0006', 'residents')); // not a residents' command
    expect(seen).toEqual(['R-0003 已送到', 'R-0004', 'R-0005']);
  });

  it('answers a command the group does not have through its unknown-command listener only', async () => {
    const { r, said, receive } = robot();
    r.command('状态', (res) => res.reply('状态'), { roles: ['residents'] });
    r.unknownCommand((res) => res.reply('帮助'), { roles: ['residents'] });
    r.otherwise(() => {
      throw new Error('not for commands');
    });
    expect(await receive(message('#状态栏'))).toEqual({ state: 'handled', note: null });
    expect(said).toEqual([[{ text: '帮助' }]]);
  });

  it('keys listeners by the record types a message carries, and sends their answers as one reply', async () => {
    const { r, said, receive } = robot();
    const seen: string[] = [];
    r.on(
      ['health'],
      (res) => {
        seen.push(`health ${res.understood.readings[0]?.temperature}`);
        res.reply('已记录');
      },
      { roles: ['residents'] },
    );
    r.on(['request'], (res) => res.reply({ text: '已收到需求', mention: true }), { roles: ['residents'] });
    r.on(['order'], () => void seen.push('order'), { roles: ['villagers'] });
    r.otherwise((res) => res.done('unplaced', 'review'), { roles: ['residents'] });
    expect(await receive(message('体温36.5 要一个口罩'))).toEqual({ state: 'handled', note: null });
    expect(seen).toEqual(['health 36.5']);
    expect(said).toEqual([[{ text: '已记录' }, { text: '已收到需求', mention: true }]]);
    expect(await receive(message('请问什么时候能出去'))).toEqual({ state: 'unplaced', note: 'review' });
    expect(await receive(message('请问什么时候能出去', null))).toEqual({ state: 'ignored', note: null });
  });

  it('isolated, rolls back a failing listener alone and records the failure; otherwise throws it', async () => {
    const { r, said, receive } = robot();
    r.on(['health'], async (res) => {
      await insert(res.tx, 'kept');
      res.reply('已记录');
    });
    r.on(['health'], async (res) => {
      await insert(res.tx, 'rolled back');
      res.reply('never said');
      throw new Error('kaput');
    });
    expect(await receive(message('体温36.5'), true)).toEqual({
      state: 'failed',
      note: 'records:health: kaput',
    });
    expect(await stored()).toEqual(['kept']);
    expect(said).toEqual([[{ text: '已记录' }]]);
    await expect(receive(message('体温36.6'))).rejects.toThrow('kaput');
    expect(await stored()).toEqual(['kept']);
  });

  it('throws a transient failure even when isolated, so the unit is tried again', async () => {
    const { r, receive } = robot();
    r.on(['health'], () => {
      throw refused();
    });
    await expect(receive(message('体温36.5'), true)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('leaves pictures and voice messages for staff and stickers alone, without record listeners', async () => {
    const { r, receive } = robot();
    const seen: string[] = [];
    r.on(['health', 'request'], () => void seen.push('heard'));
    r.otherwise((res) => res.done('ignored'));
    const media = (label: string) => ({ ...message(label), kind: 'media' as const });
    expect(await receive(media('[图片]'))).toEqual({ state: 'unplaced', note: '[图片] not read by the bot' });
    expect(await receive(media('[表情]'))).toEqual({ state: 'ignored', note: null });
    expect(seen).toEqual([]);
  });
});
