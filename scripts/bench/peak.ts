// One morning at an observation site in simulated time, through the real road (store → robot → bots →
// outbox) and the real outbox worker with WeChat's pacing and caps; only the clock and the sender are
// simulated. Measures what residents and staff feel: how long until a report is seen as received, how
// long a fever waits to reach staff, how many messages the bot spends.
import { asc, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client.js';
import { createGroupsRepo } from '../../db/repositories/groups.js';
import { createOutboxRepo } from '../../db/repositories/outbox.js';
import { groups, outbox } from '../../db/schema.js';
import { createSimulatedClock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/log.js';
import { createRoad } from '../../src/road.js';
import { createServices } from '../../src/services/index.js';
import { createOutboxWorker, DEFAULT_POLICY, type OutboxPolicy } from '../../src/services/outbox-worker.js';
import { createSetupService } from '../../src/services/setup.js';
import { percentile, round } from './lib.js';

export interface PeakOptions {
  residents: number;
  seed?: number;
  policy?: Partial<OutboxPolicy>;
  /** Label of the design measured (printed). */
  design?: string;
}

const ZONE = 'Asia/Shanghai';
const at = (hhmm: string, sec = 0) =>
  new Date(new Date(`2020-02-15T${hhmm}:00+08:00`).getTime() + sec * 1000);

/** A small deterministic generator (mulberry32): the same morning for the same seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Said {
  at: Date;
  from: string;
  text: string;
  kind: 'report' | 'fever' | 'request' | 'chatter';
}

/** The morning: everyone reports within 15 minutes of the 08:00 reminder, some twice, some late. */
export function morning(n: number, seed = 1): Said[] {
  const r = rng(seed);
  const out: Said[] = [];
  const nick = (i: number) => `${room(i)}住户`;
  const temp = () => (36 + Math.floor(r() * 8) / 10).toFixed(1);
  for (let i = 0; i < n; i++) {
    const late = r() < 0.05;
    const when = late ? at('08:30', r() * 3600) : at('08:00', r() * 900);
    const doubtful = r() < 0.02;
    out.push({
      at: when,
      from: nick(i),
      text: doubtful ? `${room(i)} 365` : `${room(i)} 早${temp()}`,
      kind: 'report',
    });
    if (r() < 0.1)
      out.push({
        at: new Date(when.getTime() + r() * 600_000),
        from: nick(i),
        text: `复测${temp()}`,
        kind: 'report',
      });
    if (r() < 0.03)
      out.push({ at: at('08:00', r() * 3600), from: nick(i), text: '能再给两个口罩吗', kind: 'request' });
    if (r() < 0.05)
      out.push({ at: at('08:00', r() * 3600), from: nick(i), text: '谢谢医生，辛苦了', kind: 'chatter' });
  }
  for (let k = 0; k < 5; k++) {
    const i = Math.floor(r() * n);
    out.push({
      at: at('08:00', r() * 3600),
      from: nick(i),
      text: `${room(i)} 体温38.${k} 有点咳嗽`,
      kind: 'fever',
    });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

const room = (i: number) => String(1000 + i);

export async function runPeak(opts: PeakOptions) {
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  try {
    const clock = createSimulatedClock(at('07:00'));
    const services = createServices({
      database,
      clock,
      log: silentLogger,
      defaultZone: ZONE,
      notifyOutbox: () => {},
    });
    const roster = Array.from({ length: opts.residents }, (_, i) => ({
      name: `住户${i}`,
      room: room(i),
      wechat: `${room(i)}住户`,
      start: '2020-02-10',
    }));
    await createSetupService({ db: database.db, defaultZone: ZONE }).apply({
      sites: [
        {
          name: '高峰观察点',
          kind: 'quarantine',
          timezone: ZONE,
          reportTimes: ['08:00', '20:00'],
          groups: [
            { topic: '高峰住户群', role: 'residents' },
            { topic: '高峰工作群', role: 'staff' },
          ],
          residents: roster,
        },
      ],
    });
    for (const [topic, id] of [
      ['高峰住户群', 'peak-res@chatroom'],
      ['高峰工作群', 'peak-staff@chatroom'],
    ] as const)
      await database.db.update(groups).set({ roomId: id }).where(eq(groups.topic, topic));
    const road = createRoad({ db: database.db, clock, log: silentLogger, services });
    const policy = { ...DEFAULT_POLICY, ...opts.policy };
    const random = rng((opts.seed ?? 1) + 7);
    const worker = createOutboxWorker({
      repo: createOutboxRepo(database.db),
      groups: createGroupsRepo(database.db),
      sender: { sendText: async () => ({ providerId: null }), rooms: async () => [] },
      clock,
      log: silentLogger,
      policy,
    });
    const said = morning(opts.residents, opts.seed);
    const ids = new Map<number, Said>();
    let sendAt = at('07:00');
    const nextDue = async () => {
      const [r] = await database.db
        .select({ t: sql<Date | null>`min(${outbox.notBefore})`.mapWith(outbox.notBefore) })
        .from(outbox)
        .where(eq(outbox.status, 'pending'));
      return r?.t ?? null;
    };
    /** The account sends until `until`, one message per paced slot, as WeChat allows. */
    async function sendUntil(until: Date) {
      while (sendAt <= until) {
        clock.set(sendAt);
        const outcome = await worker.sendOne();
        if (outcome === 'sent')
          sendAt = new Date(sendAt.getTime() + policy.intervalMs + random() * policy.jitterMs);
        else if (outcome === 'idle') {
          const due = await nextDue();
          if (!due || due > until) return;
          if (due > sendAt) sendAt = due;
        }
      }
    }
    let n = 0;
    for (const s of said) {
      await sendUntil(s.at);
      if (sendAt < s.at) sendAt = s.at;
      clock.set(s.at);
      const msg = await services.intake.store({
        providerId: `peak-${++n}`,
        roomId: 'peak-res@chatroom',
        roomTopic: '高峰住户群',
        talkerId: `wx-${s.from}`,
        talkerName: s.from,
        kind: 'text',
        text: s.text,
        at: s.at,
        mentionsSelf: false,
        mentionIds: [],
      });
      if (!msg) continue;
      ids.set(msg.id, s);
      await road.handle(msg);
    }
    await sendUntil(at('11:00'));
    return await measure(database.db, ids, policy, opts);
  } finally {
    await database.close();
  }
}

async function measure(
  db: Parameters<typeof createOutboxRepo>[0],
  ids: Map<number, Said>,
  policy: OutboxPolicy,
  opts: PeakOptions,
) {
  const rows = await db.select().from(outbox).orderBy(asc(outbox.id));
  const firstSeen = new Map<number, Date>();
  for (const r of rows) {
    if (!r.sourceMessageId || !r.sentAt || (r.status !== 'sent' && r.status !== 'merged')) continue;
    if (r.kind === 'alert') continue;
    const seen = firstSeen.get(r.sourceMessageId);
    if (!seen || r.sentAt < seen) firstSeen.set(r.sourceMessageId, r.sentAt);
  }
  const end = at('11:00');
  const waits = (kind: Said['kind'][]) =>
    [...ids]
      .filter(([, s]) => kind.includes(s.kind))
      .map(([id, s]) => ((firstSeen.get(id) ?? end).getTime() - s.at.getTime()) / 1000);
  const ack = waits(['report', 'fever']);
  const alerts = rows.filter(
    (r) => r.kind === 'alert' && r.sourceMessageId && ids.get(r.sourceMessageId)?.kind === 'fever',
  );
  const fever = [...ids]
    .filter(([, s]) => s.kind === 'fever')
    .map(([id, s]) => {
      const sent = alerts
        .filter((a) => a.sourceMessageId === id && a.sentAt)
        .map((a) => (a.sentAt as Date).getTime());
      return ((sent.length ? Math.min(...sent) : end.getTime()) - s.at.getTime()) / 1000;
    });
  const sent = rows.filter((r) => r.status === 'sent');
  const residentsGroup = (
    await db.select({ id: groups.id }).from(groups).where(eq(groups.topic, '高峰住户群'))
  )[0]?.id;
  const capUsed =
    sent.filter((r) => r.groupId === residentsGroup && r.sentAt && r.sentAt <= at('09:00')).length /
    policy.groupDailyCap;
  const reports = ack.length;
  return {
    name: 'peak',
    design: opts.design ?? 'now',
    residents: opts.residents,
    reports,
    botMessages: sent.length,
    messagesPerReport: round(sent.length / reports, 3),
    ackP95S: round(percentile(ack, 95)),
    ackMaxS: round(Math.max(...ack)),
    feverAlertP99S: round(percentile(fever, 99)),
    capUsed: round(capUsed, 3),
    expired: rows.filter((r) => r.status === 'expired').length,
    ackWindowS: policy.ackWindowMs / 1000,
    ackBurst: policy.ackBurst,
  };
}
