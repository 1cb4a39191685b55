// A booking said once for several deliveries: `从明天开始，连续三天每天上午送一桶水` is one booking a day for three days;
// `我们松树垭5户人 每户要两桶水` is ten barrels for the hamlet.
import type { ParsedRecord, WaterRecord } from '../records.js';
import { addDays } from './local-time.js';
import { parseNumber } from './numerals.js';

const RUN_RE = /(?:从)?(?:今天|明天|后天)(?:开始|起)[,，\s]*(?:连续|一连|接连)?([两二三四五六七]|[2-7])天/;
const ALSO_RE =
  /[,，。;；\s]((?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:组|社|队))[\u4e00-\u9fa5]{0,5}?也要\s*([\d一二两三四五六七八九十]{1,2})\s*桶/;
const HOUSEHOLDS_RE = /([\d一二两三四五六七八九十]{1,2})户/;
const EACH_HOUSEHOLD_RE = /每户(?:要|订|送)?\s*([\d一二两三四五六七八九十]{1,2})\s*桶/;

/** The water bookings of the message spread over the days or households it says; other records as they are. */
export function spreadWater(text: string, records: ParsedRecord[]): ParsedRecord[] {
  const water = records.filter((r): r is WaterRecord => r.type === 'water');
  if (water.length !== 1) return records;
  const w = water[0] as WaterRecord;
  // 明天上午帮三组刘大妈送两桶水，五组陈二嬢也要一桶: another household's barrels on the same day, to its own group
  const also = text.includes('也要') ? ALSO_RE.exec(text) : null;
  if (also && w.deliverTo !== also[1]) {
    const qty = parseNumber(also[2] as string);
    const at = records.indexOf(w);
    const more: WaterRecord = { ...w, qty, unit: '桶', deliverTo: also[1] as string };
    return [...records.slice(0, at + 1), more, ...records.slice(at + 1)];
  }
  if (text.includes('户')) {
    const n = HOUSEHOLDS_RE.exec(text);
    const each = EACH_HOUSEHOLD_RE.exec(text);
    const households = n ? parseNumber(n[1] as string) : null;
    const barrels = each ? parseNumber(each[1] as string) : null;
    if (households !== null && barrels !== null && w.qty === barrels) w.qty = households * barrels;
  }
  const run = text.includes('天') ? RUN_RE.exec(text) : null;
  const days = run ? parseNumber(run[1] as string) : null;
  if (days === null || days < 2 || w.date === null) return records;
  const [y, m, d] = w.date.split('-').map(Number) as [number, number, number];
  const more: WaterRecord[] = [];
  for (let k = 1; k < days; k++) more.push({ ...w, date: addDays({ year: y, month: m, day: d }, k) });
  const at = records.indexOf(w);
  return [...records.slice(0, at + 1), ...more, ...records.slice(at + 1)];
}
