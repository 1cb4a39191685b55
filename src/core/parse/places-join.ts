// Places read in parts made whole: where at a place (村口大树下, 坡顶上那家) kept with it, and a hamlet or village
// named right before its group (陈家沟三组, 七星洞村4组) as one place, as written.
import type { PlaceHit } from './places.js';

/** Where at a place: 村口大树下, 村委会后头, 坡顶上那家, 学校旁边, 岩口第二家 — kept with the place, as written. */
const TAIL_RE =
  /^(?:养猪场|养鸡场|猪场|鸡场|小学|卫生室|小卖部|大树下|大树底下|后头|后面|后边|前面|前头|旁边|边上|对面|门口|口子上|底下|下面|上头|那家|那户|第[一二三四五六七八九十\d]家)(?:那家|那户|的小卖部|小卖部)?(?=$|[\s,，。;；!！?？]|谢谢|哈|吧|嘛|哦|啊|我|送|明|后|今)/;

export function withTails(text: string, hits: PlaceHit[]): PlaceHit[] {
  for (const h of hits) {
    const m = TAIL_RE.exec(text.slice(h.end, h.end + 12));
    if (!m || h.place.endsWith(m[0])) continue;
    h.place += m[0];
    h.end += m[0].length;
  }
  return hits;
}

/** 陈家沟三组, 七星洞村4组: a hamlet or village named right before its group is one place, as written. */
export function joinGroups(hits: PlaceHit[]): PlaceHit[] {
  if (hits.length < 2) return hits;
  const out: PlaceHit[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && prev.end === h.start && GROUP_ONLY_RE.test(h.place) && !GROUP_ONLY_RE.test(prev.place)) {
      out[out.length - 1] = { ...prev, end: h.end, place: prev.place + h.place, strict: true };
      continue;
    }
    // contained in a longer hit (七星洞村 inside 七星洞村4组): the longer one stands
    if (prev && h.start >= prev.start && h.end <= prev.end) continue;
    if (prev && prev.start >= h.start && prev.end <= h.end && prev !== h) {
      out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

const GROUP_ONLY_RE = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队)$/;
