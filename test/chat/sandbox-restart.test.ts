// 模拟群聊 after a restart: the simulated WeChat lives in memory, but what its groups said is in the
// database, and a new instance puts it back — members and transcript — before anything new is said.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { addSite } from '../helpers/fixtures.js';
import { startTestService, type TestService } from '../helpers/service.js';

const RESIDENTS = '五指山观察点住户群';
let db: TestDatabase;
const services: TestService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  await db?.close();
});

describe('the simulated WeChat after a restart', () => {
  it('shows the groups’ members and transcripts as they were', async () => {
    db = await createTestDatabase();
    await addSite(db.db, { name: '五指山观察点', kind: 'quarantine' }, [
      { topic: RESIDENTS, role: 'residents' },
    ]);
    const first = await startTestService({ db });
    services.push(first);
    await first.sw.syncRooms();
    first.world.say({ room: RESIDENTS, from: '2105高', text: '#帮助' });
    await first.botSays(RESIDENTS, '守望小助手');
    const before = first.world.rooms().find((r) => r.topic === RESIDENTS);
    const lines = first.world.transcript(before?.id as string).map((l) => [l.from, l.fromBot, l.text]);
    expect(lines).toHaveLength(2);
    await first.stop();
    services.pop();

    const second = await startTestService({ db });
    services.push(second);
    const room = second.world.rooms().find((r) => r.topic === RESIDENTS);
    expect(room?.members.map((m) => m.name)).toContain('2105高');
    const restored = second.world.transcript(room?.id as string);
    expect(restored.map((l) => [l.from, l.fromBot, l.text])).toEqual(lines);
    // New lines follow the restored ones.
    second.world.say({ room: RESIDENTS, from: '2106李', text: '收到' });
    const after = second.world.transcript(room?.id as string);
    expect(after.at(-1)).toMatchObject({ from: '2106李', text: '收到' });
    expect(after.at(-1)?.seq).toBeGreaterThan(restored.at(-1)?.seq as number);
  });
});
