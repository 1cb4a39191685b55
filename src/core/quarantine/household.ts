// Readings given for someone else (issue 16, 21): `2208 我36.5 老公36.7 娃36.9`, `帮隔壁2306的刘爷爷报一下
// 36.8`. The parser names the person as written; here we find which roommate on the roster that is, when
// the roster allows it without guessing. Pure.

const SELF = /^(?:我|本人|自己|俺|咱)$/;
const KIN =
  /^(?:老?爸爸?|老?妈妈?|[爹娘]|父亲|母亲|老公|老婆|爱人|媳妇儿?|丈夫|妻子|老伴儿?|那口子|对象|老头子?|老太太?|孩子|小孩|娃娃?|儿子|女儿|闺女|宝宝|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|哥哥?|姐姐?|弟弟?|妹妹?|老人|大爷|大妈|阿姨|叔叔)$/;

/** Whether a reading's person is the sender (no person named, or 我). */
export function isSelf(person: string | null | undefined): boolean {
  return !person || SELF.test(person.trim());
}

/** The person as written without a leading room (2306的刘爷爷 → 刘爷爷). */
function bare(person: string): string {
  return person
    .trim()
    .replace(/^(?:隔壁|对门|楼上|楼下)?\d{2,5}(?:房间?|号)?的?/, '')
    .replace(/^(?:隔壁|对门)的?/, '')
    .replace(/^(?:我|俺|额)(?:的|家)?/, '');
}

/**
 * The roommate a reading for `person` is about: a roster name in it (刘建国, or 刘爷爷 when one roommate is
 * a 刘), or the only other resident of the room when the person is a relation (老公) and the message names
 * nobody else (`named`: how many other people it gives readings for). Null when the roster does not say
 * without guessing.
 */
export function whichRoommate<T extends { name: string }>(
  person: string,
  others: readonly T[],
  named = 1,
): T | null {
  const p = bare(person);
  if (!p) return null;
  const one = (xs: readonly T[]) => (xs.length === 1 ? (xs[0] as T) : null);
  const byName = others.filter(
    (o) => o.name.length >= 2 && (p.includes(o.name) || (p.length >= 2 && o.name.includes(p))),
  );
  if (byName.length) return one(byName);
  const kin = KIN.test(p.slice(1)) ? p.slice(1) : null;
  if (kin) {
    const bySurname = others.filter((o) => o.name.startsWith(p.charAt(0)));
    if (bySurname.length) return one(bySurname);
  }
  return KIN.test(p) && named === 1 ? one(others) : null;
}
