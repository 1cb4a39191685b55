// The parser's records (../shared/CONTRACT.md section 2) as zod schemas, for answers that show them.
import { z } from 'zod';
import { REQUEST_CATEGORIES, SYMPTOM_CODES } from '../core/records.js';

const Item = z.object({ name: z.string(), qty: z.number().nullable(), unit: z.string().nullable() });

export const ParsedRecordSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('health'),
      temperature: z.number().nullable(),
      slot: z.enum(['am', 'pm']).nullable(),
      symptoms: z.array(z.enum(SYMPTOM_CODES)),
      room: z.string().nullable(),
    }),
    z.object({
      type: z.literal('request'),
      category: z.enum(REQUEST_CATEGORIES),
      urgent: z.boolean(),
      items: z.array(Item),
      room: z.string().nullable(),
    }),
    z.object({
      type: z.literal('order'),
      items: z.array(Item),
      deliverTo: z.string().nullable(),
      customer: z.string().nullable(),
      seq: z.number().int().nullable(),
    }),
    z.object({
      type: z.literal('water'),
      qty: z.number().nullable(),
      unit: z.string().nullable(),
      date: z.string().nullable(),
      part: z.enum(['am', 'pm', 'evening']).nullable(),
      deliverTo: z.string().nullable(),
    }),
    z.object({ type: z.literal('cancel'), items: z.array(z.object({ name: z.string() })) }),
    z.object({ type: z.literal('command'), name: z.string(), args: z.array(z.string()) }),
  ])
  .meta({ id: 'ParsedRecord' });
