// `npm run bench:peak`: a site's morning peak in simulated time (scripts/bench/peak.ts) with WeChat's real
// pacing (1.5 s + up to 1 s a message) and caps, for 100, 500 and 2 000 residents, with today's outgoing
// rules and with the design before them (first in first out, every report answered on its own) in the
// same run. One JSON line each.
//   --residents N (only that size)  --ack-window S  --ack-burst N  --seed N  --now-only (skip the design before)
import { intOption } from './bench/lib.js';
import { runPeak } from './bench/peak.js';

const argv = process.argv.slice(2);
const only = argv.some((a) => a.startsWith('--residents'))
  ? [intOption(argv, 'residents', 500)]
  : [100, 500, 2000];
const seed = intOption(argv, 'seed', 1);
const tuned = {
  ...(argv.some((a) => a.startsWith('--ack-window'))
    ? { ackWindowMs: intOption(argv, 'ack-window', 120) * 1000 }
    : {}),
  ...(argv.some((a) => a.startsWith('--ack-burst')) ? { ackBurst: intOption(argv, 'ack-burst', 3) } : {}),
};
const BEFORE = { order: 'arrival', mergeAcks: false, groupDailyReserve: 0 } as const;

for (const residents of only) {
  const designs = [
    ['now', tuned],
    ['before', BEFORE],
  ] as const;
  for (const [design, policy] of argv.includes('--now-only') ? designs.slice(0, 1) : designs) {
    const line = await runPeak({ residents, seed, policy, design });
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
