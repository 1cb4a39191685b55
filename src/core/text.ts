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
