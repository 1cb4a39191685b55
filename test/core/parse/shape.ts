// The contract's record shapes as a zod schema, for property tests.
import { z } from 'zod';
import { DOUBT_CODES } from '../../../src/core/parse/doubts.js';
import { REQUEST_CATEGORIES, SYMPTOM_CODES } from '../../../src/core/records.js';

const item = z.strictObject({
  name: z.string().min(1),
  qty: z.number().nullable(),
  unit: z.string().nullable(),
});
const slot = z.enum(['am', 'pm']).nullable();
/** `unsure` (contract) and its reason codes `doubts` (internal) may come on any record but a command. */
const doubtful = {
  unsure: z.literal(true).optional(),
  doubts: z.array(z.enum(DOUBT_CODES)).min(1).optional(),
};

export const recordSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('health'),
    temperature: z.number().min(34).max(43).nullable(),
    slot,
    symptoms: z.array(z.enum(SYMPTOM_CODES)),
    room: z.string().nullable(),
    person: z.string().min(1).nullable().optional(),
    earlier: z.boolean().optional(),
    ...doubtful,
  }),
  z.strictObject({
    type: z.literal('request'),
    category: z.enum(REQUEST_CATEGORIES),
    urgent: z.boolean(),
    items: z.array(item),
    room: z.string().nullable(),
    ...doubtful,
  }),
  z.strictObject({
    type: z.literal('order'),
    items: z.array(item).min(1),
    deliverTo: z.string().nullable(),
    customer: z.string().nullable(),
    seq: z.number().int().nullable(),
    ...doubtful,
  }),
  z.strictObject({
    type: z.literal('water'),
    qty: z.number().nullable(),
    unit: z.string().nullable(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    part: z.enum(['am', 'pm', 'evening']).nullable(),
    deliverTo: z.string().nullable(),
    ...doubtful,
  }),
  z.strictObject({
    type: z.literal('cancel'),
    items: z.array(z.strictObject({ name: z.string().min(1) })),
    ...doubtful,
  }),
  z.strictObject({ type: z.literal('command'), name: z.string().min(1), args: z.array(z.string()) }),
]);

export const recordsSchema = z.array(recordSchema);
