import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Executor, queryRows } from '../../db/client.js';
import { afterCommit, coalesce, inUnit, savepoint, unitOfWork } from '../../db/unit.js';
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
const insert = (db: Executor, v: string) => db.execute(sql`insert into unit_t (v) values (${v})`);

describe('a unit of work', () => {
  it('commits the work done through its transaction together, then runs afterCommit', async () => {
    const seen: string[] = [];
    await unitOfWork(d.db, async (tx) => {
      expect(inUnit(tx)).toBe(true);
      expect(inUnit(d.db)).toBe(false);
      await Promise.all([insert(tx, 'a'), savepoint(tx, (sp) => insert(sp, 'b'))]);
      // Reads inside the unit see its own writes.
      seen.push(
        ...(await queryRows<{ v: string }>(tx, sql`select v from unit_t order by v`)).map((r) => r.v),
      );
      afterCommit(tx, () => seen.push('committed'));
      expect(seen).not.toContain('committed');
    });
    expect(seen).toEqual(['a', 'b', 'committed']);
    expect(await values()).toEqual(['a', 'b']);
  });

  it('rolls everything back when a part fails, and runs no afterCommit', async () => {
    let ran = false;
    await expect(
      unitOfWork(d.db, async (tx) => {
        afterCommit(tx, () => {
          ran = true;
        });
        await insert(tx, 'c');
        await insert(tx, 'a'); // unique violation
      }),
    ).rejects.toThrow();
    expect(ran).toBe(false);
    expect(await values()).toEqual(['a', 'b']);
  });

  it('rolls back a failed savepoint alone; its afterCommit waits for the unit', async () => {
    const seen: string[] = [];
    await unitOfWork(d.db, async (tx) => {
      await savepoint(tx, async (sp) => {
        afterCommit(sp, () => seen.push('after the unit'));
        await insert(sp, 'd');
      });
      await expect(
        savepoint(tx, async (sp) => {
          await insert(sp, 'e');
          await insert(sp, 'a'); // unique violation: 'e' goes with it
        }),
      ).rejects.toThrow();
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual(['after the unit']);
    expect(await values()).toEqual(['a', 'b', 'd']);
  });

  it('runs afterCommit at once on a database that is no unit', () => {
    let ran = false;
    afterCommit(d.db, () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });

  it('coalesces the calls of one name made side by side on its transaction, answering each its own', async () => {
    const runs: string[][] = [];
    const lookup = (db: Executor, key: string) =>
      coalesce(db, 'test.lookup', key, async (keys: string[]) => {
        runs.push(keys);
        const rows = await queryRows<{ v: string }>(
          db,
          sql`select v from unit_t where v = any(${sql.param(keys)}::text[])`,
        );
        return keys.map((k) => rows.some((r) => r.v === k));
      });
    const inside = await unitOfWork(d.db, (tx) => Promise.all(['a', 'x', 'b'].map((k) => lookup(tx, k))));
    expect(inside).toEqual([true, false, true]);
    expect(runs).toEqual([['a', 'x', 'b']]);
    // Outside a unit each call runs on its own.
    expect(await Promise.all(['a', 'x'].map((k) => lookup(d.db, k)))).toEqual([true, false]);
    expect(runs.slice(1)).toEqual([['a'], ['x']]);
  });
});
