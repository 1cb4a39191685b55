// The parser's records (../shared/CONTRACT.md section 2) as zod schemas: for answers that show them, and
// — bounded, for what a caller may send — for records staff enter when they fix a message.
import { z } from 'zod';
import { REQUEST_CATEGORIES, SYMPTOM_CODES } from '../core/records.js';

/** Records as they come in a request: every string bounded, every list bounded. */
function records(max: { text: number; list: number }) {
  const text = z.string().max(max.text);
  const Item = z.object({ name: text, qty: z.number().nullable(), unit: text.nullable() });
  const unsure = { unsure: z.literal(true).optional() };
  return z.discriminatedUnion('type', [
    z.object({
      type: z.literal('health'),
      temperature: z.number().nullable(),
      slot: z.enum(['am', 'pm']).nullable(),
      symptoms: z.array(z.enum(SYMPTOM_CODES)).max(SYMPTOM_CODES.length),
      room: text.nullable(),
      person: text.nullable().optional(),
      ...unsure,
    }),
    z.object({
      type: z.literal('request'),
      category: z.enum(REQUEST_CATEGORIES),
      urgent: z.boolean(),
      items: z.array(Item).max(max.list),
      room: text.nullable(),
      ...unsure,
    }),
    z.object({
      type: z.literal('order'),
      items: z.array(Item).max(max.list),
      deliverTo: text.nullable(),
      customer: text.nullable(),
      seq: z.number().int().nullable(),
      ...unsure,
    }),
    z.object({
      type: z.literal('water'),
      qty: z.number().nullable(),
      unit: text.nullable(),
      date: text.nullable(),
      part: z.enum(['am', 'pm', 'evening']).nullable(),
      deliverTo: text.nullable(),
      ...unsure,
    }),
    z.object({
      type: z.literal('cancel'),
      items: z.array(z.object({ name: text })).max(max.list),
      ...unsure,
    }),
    z.object({ type: z.literal('command'), name: text, args: z.array(text).max(max.list) }),
  ]);
}

export const ParsedRecordSchema = records({ text: 100_000, list: 10_000 }).meta({ id: 'ParsedRecord' });

/** Records staff enter for a message they fix in 待处理消息. */
export const FixedRecordSchema = records({ text: 100, list: 50 });
