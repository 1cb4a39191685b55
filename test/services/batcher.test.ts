import { describe, expect, it } from 'vitest';
import { createBatcher } from '../../src/services/batcher.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('the batcher', () => {
  it('runs a lone call at once and collects the calls made while batches run', async () => {
    const batches: number[][] = [];
    const gate = { open: () => {} };
    const b = createBatcher<number, number>({
      maxInFlight: 1,
      async run(items) {
        batches.push(items);
        if (items[0] === 0)
          await new Promise<void>((r) => {
            gate.open = r;
          });
        return items.map((i) => i * 10);
      },
    });
    const first = b.add(0);
    await tick();
    const rest = [1, 2, 3].map((i) => b.add(i));
    await tick();
    expect(b.waiting()).toBe(3);
    gate.open();
    expect(await first).toBe(0);
    expect(await Promise.all(rest)).toEqual([10, 20, 30]);
    expect(batches).toEqual([[0], [1, 2, 3]]);
  });

  it('keeps batches to maxBatch', async () => {
    const sizes: number[] = [];
    const b = createBatcher<number, number>({
      maxBatch: 2,
      async run(items) {
        sizes.push(items.length);
        return items;
      },
    });
    expect(await Promise.all([1, 2, 3, 4, 5].map((i) => b.add(i)))).toEqual([1, 2, 3, 4, 5]);
    expect(Math.max(...sizes)).toBe(2);
  });

  it('fails an item with its own error, and every item when the batch fails', async () => {
    const b = createBatcher<number, number>({
      async run(items) {
        if (items.includes(99)) throw new Error('all of them');
        return items.map((i) => (i < 0 ? new Error(`bad ${i}`) : i));
      },
    });
    const [good, bad] = await Promise.allSettled([b.add(1), b.add(-1)]);
    expect(good).toEqual({ status: 'fulfilled', value: 1 });
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'bad -1' } });
    await tick();
    const both = await Promise.allSettled([b.add(2), b.add(99)]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
