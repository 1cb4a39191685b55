// The Wechaty adapter: the only code that talks to Wechaty. It turns Wechaty's events into
// IncomingMessage values (after the guards) and sends text into rooms. Start-up waits for `login` with
// a deadline, because Wechaty reports a bad token or an unreachable endpoint only as `error` events.
// Once online, a lost connection (the puppet service restarted, the network dropped) is noticed from
// the puppet's errors and logout, and the puppet is restarted until it is logged in again.
import { type Contact, type Message, type Wechaty, WechatyBuilder, log as wechatyLog } from 'wechaty';
import type { Puppet } from 'wechaty-puppet';
import type { IncomingMessage } from '../core/domain.js';
import type { Logger } from '../log.js';
import { createLoginSignal, createReconnector, isConnectionLost, restartPuppet } from './reconnect.js';
import { ChatError, type ChatState, type ChatTransport } from './types.js';
import { toIncoming } from './wechaty-message.js';

export interface WechatyTransportOptions {
  puppet: Puppet;
  kind: 'mock' | 'service';
  log: Logger;
  loginTimeoutMs: number;
  /** Drop messages sent before login (a restarted bot must not answer yesterday's backlog). Default true. */
  ignoreBeforeLogin?: boolean;
  /** Where the puppet connects, for error messages. */
  describe?: string;
  /** First pause before reconnecting after the connection was lost; doubles up to `reconnectMaxMs`. */
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
}

// gRPC status names that no amount of waiting will fix.
const FATAL_BEFORE_LOGIN =
  /UNAUTHENTICATED|PERMISSION_DENIED|invalid token|token.*(not found|invalid)|ENOTFOUND/i;
// Allow for clock skew between the puppet's host and ours when filtering old messages.
const LOGIN_SKEW_MS = 60_000;

export function createWechatyTransport(opts: WechatyTransportOptions): ChatTransport {
  const { log } = opts;
  let bot: Wechaty | null = null;
  let state: ChatState = 'stopped';
  let me: { id: string; name: string } | null = null;
  let loginAt: Date | null = null;
  let lastError: string | null = null;
  let onIncoming: ((m: IncomingMessage) => Promise<void>) | null = null;
  const login = createLoginSignal();
  const reconnector = createReconnector({
    log,
    baseMs: opts.reconnectBaseMs,
    maxMs: opts.reconnectMaxMs,
    isBack: () => state === 'online',
    async attempt(n) {
      log.info({ attempt: n }, 'restarting the WeChat puppet');
      return restartPuppet(opts.puppet, login, opts.loginTimeoutMs);
    },
  });

  function connectionLost(b: Wechaty, reason: string) {
    if (bot !== b || state !== 'online') return;
    state = 'offline';
    reconnector.trigger(reason);
  }
  /**
   * Says something and tells what came of it: the provider's id and time of the message when the puppet
   * reports them (the mock gives none); WeChat's refusals as ChatErrors the outbox worker knows.
   */
  async function said(say: () => Promise<unknown>): Promise<{ providerId: string | null; at: Date | null }> {
    try {
      const sent = (await say()) as { id?: unknown; date?: () => Date } | undefined;
      if (!sent || typeof sent !== 'object' || !('id' in sent)) return { providerId: null, at: null };
      return { providerId: String(sent.id), at: typeof sent.date === 'function' ? sent.date() : null };
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      // WeChat's answer to an account that sends too fast.
      if (/操作过于频繁|too frequent|rate limit/i.test(message))
        throw new ChatError('CHAT_THROTTLED', message, { cause: err });
      if (bot && isConnectionLost(message)) {
        connectionLost(bot, message);
        throw new ChatError('CHAT_OFFLINE', message, { cause: err });
      }
      throw new ChatError('CHAT_SEND_FAILED', message, { cause: err });
    }
  }

  wechatyLog.level(opts.log.level === 'trace' || opts.log.level === 'debug' ? 'verbose' : 'silent');

  async function onMessage(msg: Message): Promise<void> {
    try {
      // A reconnect keeps the first login time: what was said while we were away still counts.
      const notBefore =
        opts.ignoreBeforeLogin !== false && loginAt ? new Date(loginAt.getTime() - LOGIN_SKEW_MS) : null;
      const incoming = await toIncoming(msg, { notBefore });
      if (incoming && onIncoming) await onIncoming(incoming);
    } catch (err) {
      log.error({ err, providerId: msg.id }, 'incoming message not handed over');
    }
  }

  return {
    kind: opts.kind,
    state: () => state,
    self: () => me,

    async start(handler) {
      if (bot) throw new ChatError('CHAT_START_FAILED', 'chat transport already started');
      onIncoming = handler;
      state = 'starting';
      const b = WechatyBuilder.build({ puppet: opts.puppet });
      bot = b;
      let settle: { resolve: () => void; reject: (e: Error) => void } | null = null;
      const loggedIn = new Promise<void>((resolve, reject) => {
        settle = { resolve, reject };
      });
      let deadline: NodeJS.Timeout | null = setTimeout(() => {
        settle?.reject(
          new ChatError(
            'CHAT_LOGIN_TIMEOUT',
            `WeChat did not log in within ${Math.round(opts.loginTimeoutMs / 1000)}s through ${opts.describe ?? opts.kind}` +
              (lastError ? `: ${lastError}` : ' (no answer from the puppet service)'),
          ),
        );
      }, opts.loginTimeoutMs);

      b.on('login', (user) => {
        me = { id: user.id, name: user.name() };
        loginAt ??= new Date();
        state = 'online';
        log.info({ user: me.name }, 'WeChat logged in');
        settle?.resolve();
        login.notify(true);
      });
      b.on('logout', (user, reason) => {
        if (bot !== b || reconnector.active()) return; // our own stop() or restart
        log.warn({ user: user.name(), reason }, 'WeChat logged out');
        connectionLost(b, `logout: ${reason ?? ''}`);
      });
      b.on('scan', (qrcode, status) => {
        // A QR code means the service answered and the token is good: a person has to scan, so the
        // login deadline no longer applies.
        if (deadline) clearTimeout(deadline);
        deadline = null;
        log.warn(
          { status, qrcode: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}` },
          'scan to log in',
        );
        login.notify(false);
      });
      b.on('error', (err) => {
        // Services echo the token in their refusals; keep it out of logs.
        lastError = (err instanceof Error ? err.message : String(err)).replace(
          /TOKEN\s*"[^"]*"/gi,
          'TOKEN "…"',
        );
        if (state !== 'online' && FATAL_BEFORE_LOGIN.test(lastError)) {
          settle?.reject(
            new ChatError(
              'CHAT_START_FAILED',
              `WeChat puppet service refused ${opts.describe ?? ''}: ${lastError}`,
            ),
          );
          return;
        }
        log.warn({ err: lastError }, 'WeChat error');
        if (isConnectionLost(lastError)) connectionLost(b, lastError);
      });
      b.on('message', (msg) => void onMessage(msg));

      try {
        await Promise.race([b.start(), loggedIn]);
        await loggedIn;
      } catch (err) {
        state = 'offline';
        await stopBot(b);
        bot = null;
        throw err instanceof ChatError
          ? err
          : new ChatError('CHAT_START_FAILED', `WeChat did not start: ${(err as Error).message}`, {
              cause: err,
            });
      } finally {
        if (deadline) clearTimeout(deadline);
      }
    },

    async stop() {
      const b = bot;
      bot = null;
      onIncoming = null;
      await reconnector.stop();
      if (b) await stopBot(b);
      state = 'stopped';
    },

    async sendText(roomId, text, mentionIds) {
      if (!bot || state !== 'online') throw new ChatError('CHAT_OFFLINE', 'WeChat is not logged in');
      const room = await bot.Room.find({ id: roomId });
      if (!room) throw new ChatError('CHAT_SEND_FAILED', `room ${roomId} not found`);
      const contacts: Contact[] = [];
      for (const id of mentionIds) {
        const c = await bot.Contact.find({ id });
        if (c) contacts.push(c);
      }
      return said(() => room.say(text, ...contacts));
    },

    async sendToContact(contactId, text) {
      if (!bot || state !== 'online') throw new ChatError('CHAT_OFFLINE', 'WeChat is not logged in');
      const contact = await bot.Contact.find({ id: contactId });
      if (!contact) throw new ChatError('CHAT_SEND_FAILED', `contact ${contactId} not found`);
      return said(() => contact.say(text));
    },

    async rooms() {
      if (!bot || state !== 'online') return [];
      const list = await bot.Room.findAll();
      return Promise.all(list.map(async (r) => ({ id: r.id, topic: await r.topic() })));
    },
  };
}

async function stopBot(b: Wechaty): Promise<void> {
  try {
    await b.stop();
  } catch {
    // stopping a half-started bot may throw; there is nothing left to release
  }
}
