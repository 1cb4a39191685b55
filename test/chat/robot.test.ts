import { describe, expect, it } from 'vitest';
import { DispatchInterrupted, Robot } from '../../src/chat/robot.js';
import type { ChatMessage, GroupRole } from '../../src/core/domain.js';
import { silentLogger } from '../../src/log.js';

function message(body: string, role: GroupRole | null = 'residents'): ChatMessage {
  return {
    id: 1,
    providerId: 'p1',
    roomId: 'r@chatroom',
    roomTopic: '住户群',
    talkerId: 'w1',
    talkerName: '2105高',
    kind: 'text',
    text: body,
    body,
    at: new Date(),
    mentionsSelf: false,
    mentionIds: [],
    group: role
      ? {
          id: 1,
          topic: '住户群',
          role,
          siteId: 1,
          siteName: '点',
          siteKind: 'quarantine',
          timeZone: 'Asia/Shanghai',
        }
      : null,
  };
}

class Away extends Error {
  readonly code = 'ECONNREFUSED';
}

function robot(opts: { finishFails?: () => boolean } = {}) {
  const replies: string[] = [];
  const finished: [number, string, string | null][] = [];
  const r = new Robot({
    log: silentLogger,
    reply: async (_m, rep) => void replies.push(rep.text),
    finish: async (id, state, note) => {
      if (opts.finishFails?.()) throw new Away('connection refused');
      finished.push([id, state, note]);
    },
    isTransient: (err) => err instanceof Away,
  });
  return { r, replies, finished };
}

describe('the robot', () => {
  it('runs every matching listener even when one fails, and records the failure', async () => {
    const { r, replies, finished } = robot();
    r.hear('breaks', /体温/, () => {
      throw new Error('kaput');
    });
    r.hear('answers', /体温/, async (res) => res.reply('已记录'));
    expect(await r.dispatch(message('体温36.5'))).toBe('failed');
    expect(replies).toEqual(['已记录']);
    expect(finished).toEqual([[1, 'failed', 'breaks: kaput']]);
  });

  it('matches commands with # or ＃, a colon or spaces, and passes the rest', async () => {
    const { r } = robot();
    const seen: string[] = [];
    r.command(['状态', 'status'], (res) => void seen.push(res.match?.[2] ?? ''));
    await r.dispatch(message('#状态'));
    await r.dispatch(message('＃状态：2105'));
    await r.dispatch(message('# status 2105 高'));
    await r.dispatch(message('#状态栏')); // another word, not this command
    expect(seen).toEqual(['', '2105', '2105 高']);
  });

  it('keeps listeners to their group roles and runs fallbacks only when nothing matched', async () => {
    const { r, finished } = robot();
    const seen: string[] = [];
    r.hear('staff-only', /.*/, () => void seen.push('staff'), { roles: ['staff'] });
    r.fallback('review', (res) => res.done('unplaced', 'not understood'), { roles: ['residents'] });
    expect(await r.dispatch(message('啊这', 'residents'))).toBe('unplaced');
    expect(await r.dispatch(message('啊这', null))).toBe('ignored');
    expect(seen).toEqual([]);
    expect(finished.map((f) => f[1])).toEqual(['unplaced', 'ignored']);
  });

  it('stops at a transient failure and carries on from there when dispatched again', async () => {
    const { r, replies, finished } = robot();
    let tries = 0;
    r.hear('first', /体温/, async (res) => res.reply('一'));
    r.hear('flaky', /体温/, async (res) => {
      if (++tries === 1) throw new Away('connection refused');
      await res.reply('二');
    });
    r.hear('third', /体温/, async (res) => res.reply('三'));
    const err = await r.dispatch(message('体温36.5')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DispatchInterrupted);
    expect(replies).toEqual(['一']);
    expect(finished).toEqual([]);
    expect(await r.dispatch(message('体温36.5'))).toBe('handled');
    expect(replies).toEqual(['一', '二', '三']);
    expect(finished).toEqual([[1, 'handled', null]]);
  });

  it('retries only the recording when that is what failed', async () => {
    let away = true;
    const { r, replies, finished } = robot({ finishFails: () => away });
    r.hear('answers', /体温/, async (res) => res.reply('已记录'));
    await expect(r.dispatch(message('体温36.5'))).rejects.toBeInstanceOf(DispatchInterrupted);
    away = false;
    expect(await r.dispatch(message('体温36.5'))).toBe('handled');
    expect(replies).toEqual(['已记录']);
    expect(finished).toEqual([[1, 'handled', null]]);
  });

  it('leaves pictures and voice messages for staff and stickers alone, without text listeners', async () => {
    const { r, finished } = robot();
    const seen: string[] = [];
    r.hear('anything', /.*/, () => void seen.push('heard'));
    const media = (label: string) => ({ ...message(label), kind: 'media' as const });
    expect(await r.dispatch(media('[图片]'))).toBe('unplaced');
    expect(await r.dispatch(media('[表情]'))).toBe('ignored');
    expect(seen).toEqual([]);
    expect(finished).toEqual([
      [1, 'unplaced', '[图片] not read by the bot'],
      [1, 'ignored', null],
    ]);
  });
});
