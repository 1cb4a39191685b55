// CPU time spent during a phase of a benchmark, on both sides of the wire: this process's (all its
// threads: JavaScript, garbage collection, I/O) and the Postgres server's, when it runs on this machine
// (every process named `postgres` in /proc, with the time of backends that ended during the phase, which
// the postmaster collects). On a machine of few cores, a path's CPU per message is its ceiling.
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in ticks of USER_HZ, 100 a second everywhere we run. */
const TICK_MS = 10;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export interface CpuSpent {
  nodeMs: number;
  /** null when the database is not a Postgres on this machine (or /proc is not readable). */
  postgresMs: number | null;
}

/** utime + stime (+ cutime + cstime) of every `postgres` process, in ms; null when there is none to read. */
export function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  let ticks = 0;
  let seen = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    // After the name: state (field 3) … utime (14), stime (15), cutime (16), cstime (17).
    const f = stat.slice(close + 2).split(' ');
    ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    seen++;
  }
  return seen ? ticks * TICK_MS : null;
}

/** Starts measuring; `stop()` gives the CPU spent since. `databaseUrl` null: no Postgres to measure. */
export function cpuMeter(databaseUrl: string | null): { stop(): CpuSpent } {
  const local = databaseUrl !== null && LOCAL_HOSTS.has(new URL(databaseUrl).hostname);
  const node0 = process.cpuUsage();
  const pg0 = local ? postgresCpuMs() : null;
  return {
    stop() {
      const node = process.cpuUsage(node0);
      const pg1 = pg0 === null ? null : postgresCpuMs();
      return {
        nodeMs: (node.user + node.system) / 1000,
        postgresMs: pg0 === null || pg1 === null ? null : pg1 - pg0,
      };
    },
  };
}
