// Pure helpers shared by the benchmarks: command-line options, percentiles, rounding, a steady message mix.
import os from 'node:os';

/** `--name N` from argv as a positive integer, else the fallback. */
export function intOption(argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`--${name} must be a positive whole number, not ${raw}`);
  return n;
}

/** The p-th percentile (0–100) of the values, nearest-rank; 0 for none. Sorts a copy. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export const round = (n: number, digits = 1): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** The machine's one-minute load average, printed with each figure: on a shared machine it explains a lot. */
export const load1 = (): number => round(os.loadavg()[0] ?? 0, 1);

export const mb = (bytes: number): number => round(bytes / 1024 / 1024, 1);

/**
 * What residents write in a residents group, in rough proportion: mostly temperature reports, some
 * requests, some chatter the bot leaves alone. Deterministic in `i`.
 */
export function residentMessage(i: number): string {
  const temp = (36 + ((i * 7) % 13) / 10).toFixed(1);
  const mix = [
    `${temp}`,
    `体温${temp}`,
    `早上${temp}度`,
    `${temp} 正常`,
    `今天${temp}，没有不舒服`,
    '需要一个体温计',
    '能不能帮忙买点口罩',
    '谢谢医生',
    '收到',
    `晚上测了${temp}`,
  ];
  return mix[i % mix.length] as string;
}

/** Runs `worker(k)` for k in 0..count-1 with at most `concurrency` in flight; resolves when all are done. */
export async function pool(
  count: number,
  concurrency: number,
  worker: (k: number, lane: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async (_, lane) => {
    while (next < count) {
      const k = next++;
      await worker(k, lane);
    }
  });
  await Promise.all(lanes);
}
