// Someone asking after what they ordered, booked or asked for before (昨天订的化肥咋个还没到, 水送到了没, 前几天要的书还没送来):
// the parser gives no record for it (it books nothing new); the bot looks the orders up and answers.
import { ITEM_ALIASES } from './parse/index.js';

const CHASE_RE =
  /还没(?:有)?(?:到|送|来|拿到|收到|看到)|(?:咋个?|怎么|啷个|为啥|为什么)(?:还)?没(?:有)?(?:到|送|来)|(?:到|送到|来|送)了没(?:有|得)?|到没到|送没送|(?:什么|啥|哪个)时候(?:能|才|可以)?(?:到|送)|几时(?:能)?(?:到|送)/;
/** Asking again, on top of what is chased, is an order of its own (the parser reads it). */
const ASKS_AGAIN_RE = /再(?:要|送|来|带|买)|还要|另外/;
const WATER_RE = /水(?!果|泥|管|桶坏|费|电)/;
const WATER_GOODS = '桶装水';

const ALIASES = ITEM_ALIASES.map((a) => ({
  canonical: a.canonical,
  words: [...new Set([a.canonical, ...a.aliases])].filter((w) => w.length >= 2 || w === a.canonical),
}));

export interface Chase {
  /** The canonical names of the goods asked after (empty: whatever is still to come). */
  goods: string[];
  /** The water booked is asked after. */
  water: boolean;
}

/** What a message without records asks after, or null when it chases nothing. Never throws. */
export function chaseOf(text: string): Chase | null {
  if (typeof text !== 'string' || text.length > 300 || !CHASE_RE.test(text) || ASKS_AGAIN_RE.test(text))
    return null;
  const goods: string[] = [];
  for (const a of ALIASES) if (a.words.some((w) => text.includes(w))) goods.push(a.canonical);
  // (桶装水 / 纯净水 还没到: water named as goods is the water booked too)
  const water = goods.every((g) => g === WATER_GOODS) && WATER_RE.test(text);
  return { goods: goods.filter((g) => g !== WATER_GOODS), water };
}
