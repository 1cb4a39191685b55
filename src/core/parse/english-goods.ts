// Goods a foreign resident names in English (`Could I have some extra towels?`), by request category: data, as
// goods-words.ts. Kept as written; each word is also known with a capital first letter.
import type { RequestCategory } from '../records.js';

export const ENGLISH_GOODS: Readonly<Partial<Record<RequestCategory, readonly string[]>>> = {
  medical: ['thermometer', 'medicine', 'ibuprofen', 'paracetamol', 'panadol', 'tylenol', 'painkillers'],
  protective: [
    ...['mask', 'masks', 'gloves', 'sanitizer', 'sanitiser', 'disinfectant', 'wipes'],
    ...['rubbish bags', 'rubbish bag', 'garbage bags', 'garbage bag', 'trash bags', 'bin bags'],
  ],
  daily: [
    ...['towel', 'towels', 'tissue', 'tissues', 'blanket', 'blankets', 'pillow', 'pillows', 'charger'],
    ...['toothbrush', 'toothpaste', 'soap', 'shampoo', 'slippers', 'hangers', 'toilet paper'],
    ...['hot water', 'drinking water', 'tissue paper', 'kettle'],
  ],
  leisure: ['book', 'books', 'newspaper', 'magazine'],
};

/** Each English goods word as written, lower case and capitalised. */
export function englishGoodsWords(): [string, RequestCategory][] {
  const out: [string, RequestCategory][] = [];
  for (const [cat, words] of Object.entries(ENGLISH_GOODS) as [RequestCategory, readonly string[]][])
    for (const w of words) out.push([w, cat], [w[0]?.toUpperCase() + w.slice(1), cat]);
  return out;
}
