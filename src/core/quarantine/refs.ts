// Ticket and alert numbers as staff type them: R-0012, r12, R0012, #12 or just 12.
export function parseRef(token: string, prefix: 'R' | 'A'): number | null {
  const m = /^([A-Za-z])?[-_#]?0*(\d{1,7})$/.exec(token.trim().normalize('NFKC'));
  if (!m) return null;
  if (m[1] && m[1].toUpperCase() !== prefix) return null;
  const n = Number(m[2]);
  return n > 0 ? n : null;
}

/** The numbers a command starts with (`R-0012 R-0013 已放门口`), and what follows as a note. */
export function splitRefs(rest: string, prefix: 'R' | 'A'): { numbers: number[]; note: string | null } {
  const numbers: number[] = [];
  let s = rest.trim();
  for (;;) {
    const m = /^([^\s,，、;；]+)[\s,，、;；]*/.exec(s);
    const n = m ? parseRef(m[1] as string, prefix) : null;
    if (!m || n === null) break;
    if (!numbers.includes(n)) numbers.push(n);
    s = s.slice(m[0].length);
  }
  return { numbers, note: s.trim() || null };
}
