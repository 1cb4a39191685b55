// Whatever arrives in a group — random strings, emoji, control characters, NUL, lone surrogates, hand-typed
// mentions of the bot or of 所有人, 100 KB pastes, pictures and voice messages, app messages with broken
// XML — the bot stays up, stores every message (text as sent, up to its cap), handles each one without a
// listener failing, and answers briefly.
import { eq, inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, outbox } from '../../db/schema.js';
import type { SandboxMedia } from '../../src/chat/sandbox.js';
import { MAX_MESSAGE_CHARS } from '../../src/core/text.js';
import { addSite } from '../helpers/fixtures.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitFor } from '../helpers/wait.js';

const RESIDENTS = '五指山观察点住户群';
const MAX_REPLY = 500;

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
  await addSite(t.db.db, { name: '五指山观察点', kind: 'quarantine' }, [
    { topic: RESIDENTS, role: 'residents' },
  ]);
  await t.sw.syncRooms();
});
afterAll(() => t?.stop());

const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  // Any UTF-16 code units, lone surrogates included.
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: control, maxLength: 4 }),
  fc.constantFrom('😷', '🌡️', '👍🏻', '👨‍👩‍👧', '🇨🇳', '\u200d', '\ufe0f', '\u202e', '\u2005', '\u3000'),
  fc.constantFrom('@守望\u2005', '@守望 ', '@所有人 ', '@所有人\u2005', '@', '#帮助', '＃菜单', '#', '＃'),
  fc.constantFrom('2105 早上36.5', '36度8', '体温37.5', '救命', '要两个口罩', '#接龙\n1. 张三 化肥2袋'),
  fc.constantFrom('<appmsg>', '</msg>', '&lt;', '\\', '"', "'", '%s', '{{x}}', '\r\n'),
);
const chat = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

/** What should be stored for `text`: an independent statement of the rule (no NUL, UTF-8-safe, capped). */
function expectedStored(text: string): { text: string; originalLength: number | null } {
  const safe = Buffer.from(text.replaceAll('\u0000', ''), 'utf8').toString('utf8');
  return safe.length > MAX_MESSAGE_CHARS
    ? { text: safe.slice(0, MAX_MESSAGE_CHARS), originalLength: safe.length }
    : { text: safe, originalLength: null };
}

const row = async (providerId: string) =>
  (await t.db.db.select().from(messages).where(eq(messages.providerId, providerId)))[0];

async function repliesTo(messageId: number) {
  return t.db.db.select().from(outbox).where(eq(outbox.sourceMessageId, messageId));
}

describe('fuzzing the chat path', () => {
  it('stores and handles any text, one message at a time', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(chat, async (text) => {
        const id = t.world.say({ room: RESIDENTS, from: '2105高', text });
        expect(await t.sw.waitProcessed(id)).toBe(true);
        const stored = await row(id);
        expect(stored).toMatchObject({ kind: 'text', ...expectedStored(text) });
        expect(['handled', 'ignored', 'unplaced']).toContain(stored?.state);
        for (const r of await repliesTo(stored?.id as number))
          expect(r.text.length).toBeLessThanOrEqual(MAX_REPLY);
      }),
      { numRuns: 120 },
    );
  });

  it('loses nothing in a burst of everything at once', { timeout: 60_000 }, async () => {
    const texts = fc.sample(chat, { numRuns: 200 });
    const huge = '今天体温正常，谢谢工作人员。'.repeat(8_000); // 112 000 characters
    const said: { id: string; text: string }[] = [];
    texts.forEach((text, i) => {
      said.push({ id: t.world.say({ room: RESIDENTS, from: `住户${i % 7}`, text }), text });
    });
    said.push({ id: t.world.say({ room: RESIDENTS, from: '2106李', text: huge }), text: huge });
    said.push({
      id: t.world.say({ room: RESIDENTS, from: '2106李', text: `@守望\u2005#帮助 ${huge}` }),
      text: `@守望\u2005#帮助 ${huge}`,
    });

    const media: { id: string; kind: SandboxMedia }[] = (
      ['image', 'voice', 'video', 'file', 'sticker', 'red-envelope'] as const
    ).map((kind) => ({ id: t.world.say({ room: RESIDENTS, from: '2107王', text: '', media: kind }), kind }));
    const apps = [
      '<msg><appmsg appid="" sdkver="0"><title>#接龙\n1. 张三 化肥2袋',
      '<appmsg><title></title><des><![CDATA[',
      '<appmsg>\u0000</appmsg>',
      'not xml at all',
    ].map((text) => ({ id: t.world.say({ room: RESIDENTS, from: '2108赵', text, app: true }), text }));

    const keptIds = [...said, ...media.filter((m) => m.kind !== 'red-envelope'), ...apps].map((m) => m.id);
    const rows = await waitFor(
      async () => {
        const r = await t.db.db.select().from(messages).where(inArray(messages.providerId, keptIds));
        return r.length === keptIds.length && r.every((m) => m.state !== 'received') ? r : null;
      },
      { timeoutMs: 40_000, what: 'every message of the burst stored and handled' },
    );
    const byId = new Map(rows.map((r) => [r.providerId, r]));

    for (const { id, text } of said)
      expect(byId.get(id)).toMatchObject({ kind: 'text', ...expectedStored(text) });
    // The command is read from the stored prefix: the sender gets the help, nothing more.
    expect(byId.get(said.at(-2)?.id as string)).toMatchObject({ originalLength: 112_000, state: 'handled' });
    expect(byId.get(said.at(-2)?.id as string)?.text).toHaveLength(MAX_MESSAGE_CHARS);
    // A hand-typed @守望 before a command is still the command.
    expect(byId.get(said.at(-1)?.id as string)).toMatchObject({ state: 'handled', mentionsSelf: false });

    const label = { image: '[图片]', voice: '[语音]', video: '[视频]', file: '[文件]', sticker: '[表情]' };
    for (const { id, kind } of media) {
      if (kind === 'red-envelope') {
        expect(byId.has(id)).toBe(false); // money, not a message: nothing to keep
        continue;
      }
      expect(byId.get(id)).toMatchObject({
        kind: 'media',
        text: label[kind],
        state: kind === 'sticker' ? 'ignored' : 'unplaced',
      });
    }
    // App messages the residents' bot cannot read are kept for staff review.
    expect(apps.map((a) => [byId.get(a.id)?.kind, byId.get(a.id)?.state])).toEqual([
      ['app', 'unplaced'],
      ['app', 'unplaced'],
      ['app', 'unplaced'],
      ['media', 'ignored'], // a link without an app payload
    ]);
    expect(rows.filter((r) => r.state === 'failed')).toEqual([]);

    // Every reply short; the bot still answers.
    const check = t.world.say({ room: RESIDENTS, from: '2109孙', text: '#帮助' });
    await t.botSays(RESIDENTS, /^@2109孙/);
    expect((await row(check))?.state).toBe('handled');
    for (const m of t.world.sent()) expect(m.text.length).toBeLessThanOrEqual(MAX_REPLY);
  });
});
