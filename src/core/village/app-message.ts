// WeChat's own 接龙 tool posts an app message: an XML payload whose <title> holds the whole list.
// Only the title is read; entities and CDATA are decoded so the list reads like a plain-text 接龙.
const TITLE_RE = /<title>([\s\S]*?)<\/title>/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Whether a message body is an app message's XML (however the transport labelled it). */
export function isAppPayload(text: string): boolean {
  return /<appmsg[\s>]/.test(text);
}

/** The text of an app message's <title>, or null when there is none. */
export function appMessageTitle(xml: string): string | null {
  const m = TITLE_RE.exec(xml);
  if (!m?.[1]) return null;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(m[1]);
  const title = cdata ? (cdata[1] ?? '') : decodeEntities(m[1]);
  const t = title.replace(/\r\n?/g, '\n').trim();
  return t.length ? t : null;
}
