// Without a group context, the text decides: rooms, 体温 and symptoms look like a quarantine site;
// 组/村/斤/袋/化肥 look like a village. Goods then become a request or an order accordingly.
import type { GroupContext } from '../records.js';
import { matchesOf } from './chars.js';

const QUARANTINE_RE =
  /房间|房号|体温|隔离|观察|酒店|核酸|医生|护士|工作人员|解除|住户|口罩|消毒|被子|毛巾|热水|开水/g;
const VILLAGE_RE =
  /[\d一二三四五六七八九十]组|村|春耕|化肥|尿素|复合肥|种子|种|地膜|农药|饲料|代购|代买|团购|接龙|公斤|斤|赶场|庄稼|菜籽油|菜油|大米|送水|桶水|水桶|桶装水/g;

export interface ContextSignals {
  rooms: number;
  temps: number;
  symptoms: number;
}

export function inferContext(text: string, s: ContextSignals): GroupContext | null {
  const q = s.rooms * 2 + s.temps * 2 + s.symptoms + matchesOf(QUARANTINE_RE, text).length;
  let v = matchesOf(VILLAGE_RE, text).length;
  if (/买/.test(text)) v++;
  if (v > q) return 'village';
  if (q > 0) return 'quarantine';
  return null;
}
