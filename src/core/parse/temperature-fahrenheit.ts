// A reading in Fahrenheit (98.6F, 99.1℉, 华氏100度), from a thermometer set to it or a resident who thinks in it.
import type { NumToken } from './numbers.js';
import type { TempHit } from './temperature.js';

const FAHRENHEIT_AFTER_RE =
  /^\s*(?:°\s*F(?![a-zA-Z])|℉|F(?![a-zA-Z])|f(?![a-zA-Z])|华氏度?|度\s*F(?![a-zA-Z]))/;

/** 100.4F / 华氏98.6: a reading in Fahrenheit, kept in Celsius to one decimal (the unit a guess the bot asks about). */
export function fahrenheit(text: string, tok: NumToken): TempHit | null {
  if (tok.int.length < 2 || tok.int.length > 3) return null;
  const whole = Number(tok.int);
  if (whole < 93 || whole > 108) return null;
  const v = tok.frac === null ? whole : Number(`${tok.int}.${tok.frac}`);
  if (!(v >= 93 && v <= 108)) return null;
  const after = FAHRENHEIT_AFTER_RE.exec(text.slice(tok.end, tok.end + 4));
  if (!after && !/华氏(?:度)?[是为:：\s]*$/.test(text.slice(Math.max(0, tok.start - 5), tok.start)))
    return null;
  // 98.6F是多少度啊: a conversion asked about is nobody's reading
  const end = tok.end + (after ? after[0].length : 0);
  if (/^\s*(?:是|等于|合|换算成?|相当于)?\s*多少(?:度|摄氏)/.test(text.slice(end, end + 10))) return null;
  const c = Math.round((((v - 32) * 5) / 9) * 10) / 10;
  // the unit read is the bot's guess: it asks before acting
  return { start: tok.start, end, value: c, doubtful: true };
}
