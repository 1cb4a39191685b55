// The bot end to end on the sandbox's simulated WeChat: a resident writes in a group (mock puppet →
// Wechaty → adapter → intake → robot → bots → outbox → worker → Wechaty → mock puppet).
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messages, outbox } from '../../db/schema.js';
import { addSite } from '../helpers/fixtures.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitFor } from '../helpers/wait.js';

const RESIDENTS = '五指山观察点住户群';

let t: TestService;
beforeEach(async () => {
  t = await startTestService();
  await addSite(t.db.db, { name: '五指山观察点', kind: 'quarantine' }, [
    { topic: RESIDENTS, role: 'residents' },
    { topic: '五指山观察点工作群', role: 'staff' },
  ]);
  await t.sw.syncRooms();
});
afterEach(async () => {
  await t.stop();
});

const stored = (providerId: string) =>
  t.db.db.select().from(messages).where(eq(messages.providerId, providerId));

describe('a resident in the residents group', () => {
  it('asks for help and gets the residents help, @mentioned', async () => {
    const id = t.world.say({ room: RESIDENTS, from: '2105高', text: '#帮助' });
    const reply = await t.botSays(RESIDENTS, '守望小助手可以帮您');
    expect(reply.startsWith('@2105高')).toBe(true);
    expect(reply).toContain('报体温');
    const [row] = await waitFor(async () => {
      const r = await stored(id);
      return r[0]?.state === 'handled' ? r : null;
    });
    if (!row) throw new Error('message not stored');
    expect(row).toMatchObject({
      talkerName: '2105高',
      text: '#帮助',
      state: 'handled',
      groupId: expect.any(Number),
    });
    // (the mock shows the reply as the puppet sends it; the worker marks the row sent a moment later)
    const [sent] = await waitFor(async () => {
      const r = await t.db.db.select().from(outbox).where(eq(outbox.sourceMessageId, row.id));
      return r[0]?.status === 'sent' ? r : null;
    });
    expect(sent).toMatchObject({ status: 'sent', topic: RESIDENTS, mentions: [{ name: '2105高' }] });
  });

  it('stores a message delivered twice once, and answers it once', async () => {
    const id = t.world.say({ room: RESIDENTS, from: '2106李', text: '#帮助' });
    t.world.redeliver(id);
    await t.botSays(RESIDENTS, '守望小助手');
    t.world.redeliver(id);
    await new Promise((r) => setTimeout(r, 300));
    expect(await stored(id)).toHaveLength(1);
    expect(t.world.sent().filter((m) => m.text.includes('守望小助手'))).toHaveLength(1);
  });

  it('keeps chatter it has no listener for, marked ignored', async () => {
    const id = t.world.say({ room: RESIDENTS, from: '2107王', text: '大家早上好' });
    const [row] = await waitFor(async () => {
      const r = await stored(id);
      return r[0]?.state === 'ignored' ? r : null;
    });
    expect(row?.text).toBe('大家早上好');
  });

  it('ignores messages from before login and the bot’s own messages', async () => {
    const old = t.world.say({
      room: RESIDENTS,
      from: '2108赵',
      text: '#帮助',
      at: new Date(Date.now() - 3_600_000),
    });
    const fresh = t.world.say({ room: RESIDENTS, from: '2108赵', text: '#菜单' });
    await waitFor(async () => (await stored(fresh))[0]?.state === 'handled');
    expect(await stored(old)).toHaveLength(0);
    // The bot's replies come back from the mock as messages; none of them is stored.
    const all = await t.db.db.select().from(messages);
    expect(all.every((m) => m.talkerName !== '守望')).toBe(true);
  });

  it('answers in the staff group with the staff help', async () => {
    t.world.say({ room: '五指山观察点工作群', from: '张医生', text: '＃帮助' });
    expect(await t.botSays('五指山观察点工作群', '工作群指令')).toContain('#已处理');
  });
});
