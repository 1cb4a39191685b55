// A villager calling the doctor home, or crying for help beside an acute need: a medical request, with no goods.
import type { RequestRecord } from '../records.js';
import { ACUTE_RE, ANNOUNCE_RE, FEVER_C, isUrgent } from './requests.js';

/**
 * 村医能来看一下不 / 麻烦来我屋看一下 / 村里能给请个大夫不: the doctor called to a village home (no goods; a fever
 * beside it makes the trip urgent). A visit already made or promised (村医已经过去了, 说明天来看看) asks nothing.
 */
const DOCTOR_CALL_RE =
  /(?:村医|医生|大夫)(?:能不能|能|可以|可不可以|快|快点|赶紧|有空)?(?:来|过来|上门|上来)(?:一下|一趟)?(?:看|瞧)|(?:村医|医生|大夫)(?:能不能|能|可以|可不可以)?(?:来|过来|上门)一趟(?:不|吗|么|嘛)?|(?:请|叫|喊|找)(?:个|一个|一下|位)?(?:村医|医生|大夫)(?:来|过来|上门)?|麻烦(?:你)?(?:来|过来)(?:我屋|我家|屋头|家里|一趟)?(?:看|瞧)(?:一下|看|下)|(?<=(?:村医|医生|大夫)[\s\S]{0,30})(?:能不能|可不可以|麻烦)(?:来|过来|上门)(?:一下|一趟)?(?:看|瞧|包扎|打针|处理)/;
const VILLAGE_CRY_RE =
  /快(?:点)?来(?:个)?人|来人啊|救命|快(?:点)?(?:叫|喊)(?:个)?(?:医生|村医|大夫|人)|快打120/;
const DOCTOR_DONE_RE = /已经|来过|看过|看了|来了|过去了|说(?:明天|后天|下午|晚上)|回电话/;

export function villageDoctorCall(
  text: string,
  maxTemp: number | null,
): { at: number; record: RequestRecord } | null {
  // 我妈晕倒了 快来人 / 快打120 我爸摔了一直流血: a cry for help beside an acute need is a call, urgent
  const cry = VILLAGE_CRY_RE.exec(text);
  if (cry && ACUTE_RE.test(text) && !ANNOUNCE_RE.test(text))
    return {
      at: cry.index,
      record: { type: 'request', category: 'medical', urgent: true, items: [], room: null },
    };
  const m = DOCTOR_CALL_RE.exec(text);
  if (!m || DOCTOR_DONE_RE.test(text) || ANNOUNCE_RE.test(text)) return null;
  const urgent = isUrgent(text, maxTemp) || (maxTemp !== null && maxTemp >= FEVER_C);
  return { at: m.index, record: { type: 'request', category: 'medical', urgent, items: [], room: null } };
}
