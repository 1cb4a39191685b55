// The simulated WeChat of sandbox mode, tests and replay: Wechaty's mock puppet with a small world of
// rooms and contacts whose ids are stable across restarts (derived from names), so stored room ids stay
// valid. Messages typed here go through the same Wechaty path as real traffic.
import { createHash, randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { Puppet } from 'wechaty-puppet';
import * as PUPPET from 'wechaty-puppet';
import { mock, PuppetMock } from 'wechaty-puppet-mock';

export interface SentMessage {
  roomId: string;
  topic: string;
  text: string;
  at: Date;
  /** A private message: the contact's display name (roomId is then `contact:<id>`, topic 私聊 <name>). */
  to?: string;
}

export interface SayOptions {
  /** Room topic. */
  room: string;
  /** Sender's display name; a contact of that name is created on first use. */
  from: string;
  text: string;
  at?: Date;
  /** Display names of mentioned contacts (the bot's own name mentions the bot). */
  mentions?: string[];
  /** Message id; a fresh one by default. Saying with an existing id re-delivers that message. */
  id?: string;
  /** Raw app message (XML payload), as WeChat's own 接龙 tool sends. */
  app?: boolean;
  /** A message that is not text (a photo, a voice message…); `text` is then what the puppet reports. */
  media?: SandboxMedia;
}

/** A line of a room's transcript: what members said through say() and what the bot said, in order. */
export interface TranscriptLine {
  /** Increasing over the whole world, so a reader can ask for lines after the last it saw. */
  seq: number;
  roomId: string;
  messageId: string | null;
  at: Date;
  from: string;
  fromBot: boolean;
  text: string;
}

export type SandboxMedia = 'image' | 'voice' | 'video' | 'file' | 'sticker' | 'red-envelope';

const MEDIA_TYPES: Record<SandboxMedia, PUPPET.types.Message> = {
  image: PUPPET.types.Message.Image,
  voice: PUPPET.types.Message.Audio,
  video: PUPPET.types.Message.Video,
  file: PUPPET.types.Message.Attachment,
  sticker: PUPPET.types.Message.Emoticon,
  'red-envelope': PUPPET.types.Message.RedEnvelope,
};

export interface SandboxWorld {
  puppet: Puppet;
  botName: string;
  ensureRoom(topic: string): { id: string; topic: string };
  say(opts: SayOptions): string;
  /** Deliver an already-delivered message again, as puppets sometimes do. */
  redeliver(messageId: string): void;
  /** `from` recalls (撤回) their message `messageId`; returns the recall's own message id. */
  recall(messageId: string, opts: { room: string; from: string; at?: Date }): string;
  /** What the bot has said, oldest first. */
  sent(): SentMessage[];
  onSent(listener: (m: SentMessage) => void): () => void;
  /** The rooms of the world with their members (the bot included). */
  rooms(): { id: string; topic: string; members: { id: string; name: string }[] }[];
  /** A contact's display name by id, or null when the world has no such contact. */
  contactName(id: string): string | null;
  /** A room's transcript after line `afterSeq` (all of it by default), oldest first; the newest `limit`. */
  transcript(roomId: string, opts?: { afterSeq?: number; limit?: number }): TranscriptLine[];
  /**
   * Puts back what a group's transcript held before a restart (kept in the database): its members and
   * its lines, oldest first, ahead of anything said from now on. Once per room, into an empty transcript.
   */
  restore(
    topic: string,
    history: { members: string[]; lines: { at: Date; from: string; fromBot: boolean; text: string }[] },
  ): void;
}

// Enough for a long demo session; older lines drop off so a long-running sandbox does not grow forever.
const TRANSCRIPT_CAP = 5000;

const stableId = (prefix: string, name: string) =>
  `${prefix}-${createHash('sha1').update(name).digest('hex').slice(0, 16)}`;

export function createSandboxWorld(botName: string): SandboxWorld {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const contacts = new Map<string, mock.ContactMock>();
  const rooms = new Map<string, mock.RoomMock>();
  const sent: SentMessage[] = [];
  const listeners = new Set<(m: SentMessage) => void>();
  const lines: TranscriptLine[] = [];
  let seq = 0;
  const record = (line: Omit<TranscriptLine, 'seq'>) => {
    lines.push({ ...line, seq: ++seq });
    if (lines.length > TRANSCRIPT_CAP) lines.splice(0, lines.length - TRANSCRIPT_CAP);
    return seq;
  };

  const contact = (name: string) => {
    let c = contacts.get(name);
    if (!c) {
      const created = mocker.createContact({ id: stableId('wxid', name), name });
      c = created;
      contacts.set(name, created);
      // What the bot says to this contact alone (a private message, not in a room).
      (created as unknown as EventEmitter).on('message', (m: mock.MessageMock) => {
        if (m.payload.roomId || m.payload.talkerId === created.id) return;
        const msg = {
          roomId: `contact:${created.id}`,
          topic: `私聊 ${name}`,
          text: m.text() ?? '',
          at: new Date(),
          to: name,
        };
        sent.push(msg);
        for (const l of listeners) l(msg);
      });
    }
    return c;
  };
  const bot = contact(botName);

  const ensureRoom = (topic: string) => {
    let r = rooms.get(topic);
    if (!r) {
      // Mock room ids must contain '@': that is how the mock tells a room from a contact.
      r = mocker.createRoom({ id: `${stableId('room', topic)}@chatroom`, topic, memberIdList: [bot.id] });
      rooms.set(topic, r);
      const room = r;
      (room as unknown as EventEmitter).on('message', (m: mock.MessageMock) => {
        if (m.payload.talkerId !== bot.id) return;
        const msg = { roomId: room.id, topic, text: m.text() ?? '', at: new Date() };
        sent.push(msg);
        record({
          roomId: room.id,
          messageId: m.id,
          at: msg.at,
          from: botName,
          fromBot: true,
          text: msg.text,
        });
        for (const l of listeners) l(msg);
      });
    }
    return { id: r.id, topic };
  };

  // Log the bot in once the puppet has started (the mocker runs its environments then).
  mocker.use(() => {
    mocker.login(bot);
    return () => {};
  });

  return {
    puppet: puppet as unknown as Puppet,
    botName,
    ensureRoom,
    say(opts) {
      const room = ensureRoom(opts.room);
      const talker = contact(opts.from);
      const r = rooms.get(opts.room);
      if (r && !r.payload.memberIdList.includes(talker.id)) r.payload.memberIdList.push(talker.id);
      const mentions = (opts.mentions ?? []).map((n) => contact(n).id);
      const msg = mocker.MessageMock.create({
        id: opts.id ?? randomUUID(),
        talkerId: talker.id,
        roomId: room.id,
        timestamp: (opts.at ?? new Date()).getTime(),
        type: opts.media
          ? MEDIA_TYPES[opts.media]
          : opts.app
            ? PUPPET.types.Message.Url
            : PUPPET.types.Message.Text,
        text: opts.text,
        mentionIdList: mentions,
      });
      record({
        roomId: room.id,
        messageId: msg.id,
        at: opts.at ?? new Date(),
        from: opts.from,
        fromBot: false,
        text: opts.media ? `[${opts.media}] ${opts.text}` : opts.text,
      });
      puppet.emit('message', { messageId: msg.id });
      return msg.id;
    },
    redeliver(messageId) {
      puppet.emit('message', { messageId });
    },
    recall(messageId, opts) {
      const room = ensureRoom(opts.room);
      const msg = mocker.MessageMock.create({
        id: randomUUID(),
        talkerId: contact(opts.from).id,
        roomId: room.id,
        timestamp: (opts.at ?? new Date()).getTime(),
        type: PUPPET.types.Message.Recalled,
        text: messageId,
      });
      record({
        roomId: room.id,
        messageId: msg.id,
        at: opts.at ?? new Date(),
        from: opts.from,
        fromBot: false,
        text: '[撤回了一条消息]',
      });
      puppet.emit('message', { messageId: msg.id });
      return msg.id;
    },
    sent: () => [...sent],
    rooms() {
      const names = new Map([...contacts.values()].map((c) => [c.id, c.payload.name]));
      return [...rooms.values()].map((r) => ({
        id: r.id,
        topic: r.payload.topic,
        members: r.payload.memberIdList.map((id) => ({ id, name: names.get(id) ?? id })),
      }));
    },
    contactName(id) {
      for (const c of contacts.values()) if (c.id === id) return c.payload.name;
      return null;
    },
    transcript(roomId, opts = {}) {
      const after = opts.afterSeq ?? 0;
      const found = lines.filter((l) => l.roomId === roomId && l.seq > after);
      return opts.limit !== undefined ? found.slice(-opts.limit) : found;
    },
    restore(topic, history) {
      const room = ensureRoom(topic);
      if (lines.some((l) => l.roomId === room.id)) return;
      const r = rooms.get(topic);
      for (const name of history.members) {
        const c = contact(name);
        if (r && !r.payload.memberIdList.includes(c.id)) r.payload.memberIdList.push(c.id);
      }
      for (const l of history.lines) record({ roomId: room.id, messageId: null, ...l });
    },
    onSent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
