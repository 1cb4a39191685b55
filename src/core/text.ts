// Text helpers for what the bot says.

/**
 * WeChat refuses very long text messages. Splits at line breaks so each part stays under `max`
 * characters; a single line longer than that is cut hard.
 */
export function splitForWeChat(text: string, max = 1500): string[] {
  const t = text.trim();
  if (t.length <= max) return t ? [t] : [];
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) parts.push(current.trim());
    current = '';
  };
  for (const line of t.split('\n')) {
    if (line.length > max) {
      flush();
      for (let i = 0; i < line.length; i += max) parts.push(line.slice(i, i + max));
      continue;
    }
    if (current.length + line.length + 1 > max) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  return parts;
}

/** Leading @mentions (WeChat puts a four-per-em space after each) are not part of what people say. */
export function stripLeadingMentions(text: string): string {
  let s = text.trimStart();
  for (let i = 0; i < 20 && s.startsWith('@'); i++) {
    const end = s.search(/[\u2005\s]/);
    if (end < 0) return '';
    s = s.slice(end + 1).trimStart();
  }
  return s;
}

/**
 * The most characters of one incoming message that are stored and read. Real group messages (a 接龙 of a
 * hundred lines included) stay far below; anything longer is a paste or a fault, kept as a prefix with
 * its full length recorded so staff can see it was cut.
 */
export const MAX_MESSAGE_CHARS = 20_000;

/**
 * Text as it can be stored: Postgres text cannot hold NUL, and a lone UTF-16 surrogate has no UTF-8
 * form (the driver would turn it into U+FFFD anyway; doing it here keeps what we store and what we read
 * the same). Other control characters are kept: they are what the person sent.
 */
export function storableText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what has to go
      .replace(/\u0000/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
  );
}

/** `text` cut to `max` characters (never inside a surrogate pair) and its original length when it was cut. */
export function clipText(
  text: string,
  max = MAX_MESSAGE_CHARS,
): { text: string; originalLength: number | null } {
  if (text.length <= max) return { text, originalLength: null };
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), originalLength: text.length };
}

const rooms = new Intl.Collator('zh-Hans-CN', { numeric: true });

/** Rooms in human order, numbers by value: 1-101, 1-201, 10-103; 2101 before 2105 before 10101. */
export const compareRooms = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : rooms.compare(a, b);

/** People by room (in human order), then name. */
export const byRoom = <T extends { room: string | null; name: string }>(a: T, b: T): number =>
  compareRooms(a.room, b.room) || rooms.compare(a.name, b.name);
