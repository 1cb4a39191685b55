// Throughput of parseMessage on a realistic mix (the labelled corpus), one core. Prints exactly one JSON line:
// {"name":"parse","msgsPerSec":…,"p99Us":…}. With --check it exits non-zero below 50 000 messages per second.

import { parseMessage } from '../src/core/parse/index.js';
import type { ParseInput } from '../src/core/records.js';
import { loadCorpus } from './corpus.js';

const TARGET_MSGS_PER_SEC = 50_000;

const inputs: ParseInput[] = loadCorpus().map((c) => ({
  text: c.text,
  at: c.at ? new Date(c.at) : undefined,
  context: c.context,
}));

let sink = 0;
function runOnce(input: ParseInput): void {
  sink += parseMessage(input).length;
}

// Warm up so the JIT has settled before measuring.
for (let r = 0; r < 30; r++) for (const i of inputs) runOnce(i);

const durationNs = 1_000_000_000n;
const samples: number[] = [];
let count = 0;
const start = process.hrtime.bigint();
let now = start;
while (now - start < durationNs) {
  for (const i of inputs) {
    const t0 = process.hrtime.bigint();
    runOnce(i);
    const t1 = process.hrtime.bigint();
    samples.push(Number(t1 - t0) / 1000);
    count++;
    now = t1;
  }
}

// Throughput without the per-call timer overhead: the best of five passes over the same number of messages,
// timed in CPU time of this process (user + system), so it reads as "on one core" even when neighbours load
// a shared machine; a burst on the machine does not decide the figure.
let pureSec = Number.POSITIVE_INFINITY;
for (let pass = 0; pass < 5; pass++) {
  const c0 = process.cpuUsage();
  for (let k = 0; k < count; k++) runOnce(inputs[k % inputs.length] as ParseInput);
  const c = process.cpuUsage(c0);
  pureSec = Math.min(pureSec, (c.user + c.system) / 1e6);
}
samples.sort((a, b) => a - b);
const p99 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] ?? 0;
const msgsPerSec = Math.round(count / pureSec);
console.log(JSON.stringify({ name: 'parse', msgsPerSec, p99Us: Math.round(p99 * 10) / 10 }));
if (sink < 0) console.error(sink);
// With --check the script fails below the target (a benchmark on a shared machine should not fail by default).
if (process.argv.includes('--check') && msgsPerSec < TARGET_MSGS_PER_SEC) process.exitCode = 1;
