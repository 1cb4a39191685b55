import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { afterCommit, coalesce, inUnit, unitOfWork } from '../../db/unit.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDatabase({ migrate: false });
  await d.db.execute(sql`create table unit_t (id serial primary key, v text not null unique)`);
});
afterAll(async () => {
  await d.close();
});

const values = async () =>
  (await queryRows<{ v: string }>(d.db, sql`select v from unit_t order by v`)).map((r) => r.v);
const insert = (v: string) => d.db.execute(sql`insert into unit_t (v) values (${v})`);

describe('a unit of work', () => {
  it('commits the work of its parts together, their own transactions included, then runs afterCommit', async () => {
    const seen: string[] = [];
    await unitOfWork(d.db, async () => {
      expect(inUnit()).toBe(true);
      await Promise.all([
        insert('a'),
        d.db.transaction(async (tx) => {
          await tx.execute(sql`insert into unit_t (v) values ('b')`);
        }),
      ]);
      // Reads inside the unit see its own writes.
      seen.push(...(await values()).sort());
      afterCommit(() => seen.push('committed'));
      expect(seen).not.toContain('committed');
    });
    expect(seen).toEqual(['a', 'b', 'committed']);
    expect(await values()).toEqual(['a', 'b']);
    expect(inUnit()).toBe(false);
  });

  it('rolls everything back when a part fails, and runs no afterCommit', async () => {
    let ran = false;
    await expect(
      unitOfWork(d.db, async () => {
        afterCommit(() => {
          ran = true;
        });
        await insert('c');
        await insert('a'); // unique violation
      }),
    ).rejects.toThrow();
    expect(ran).toBe(false);
    expect(await values()).toEqual(['a', 'b']);
  });

  it('leaves work started inside it that runs after it ended to the database', async () => {
    let later: Promise<unknown> | null = null;
    await unitOfWork(d.db, async () => {
      later = new Promise((resolve) => setTimeout(resolve, 20)).then(() => insert('after'));
    });
    await later;
    expect(await values()).toContain('after');
  });

  it('coalesces the calls of one name made side by side, answering each its own', async () => {
    const runs: string[][] = [];
    const lookup = (key: string) =>
      coalesce('test.lookup', key, async (keys: string[]) => {
        runs.push(keys);
        const rows = await queryRows<{ v: string }>(
          d.db,
          sql`select v from unit_t where v = any(${sql.param(keys)}::text[])`,
        );
        return keys.map((k) => rows.some((r) => r.v === k));
      });
    const inside = await unitOfWork(d.db, () => Promise.all(['a', 'x', 'b'].map(lookup)));
    expect(inside).toEqual([true, false, true]);
    expect(runs).toEqual([['a', 'x', 'b']]);
    // Outside a unit each call runs on its own.
    expect(await Promise.all(['a', 'x'].map(lookup))).toEqual([true, false]);
    expect(runs.slice(1)).toEqual([['a'], ['x']]);
  });
});
