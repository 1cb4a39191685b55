// Complaints in a message that are nobody's report: staff's news, or complaints spoken of in general in a village.

/**
 * 家里有发烧咳嗽的，一定先打电话 / 王医生提醒：…: complaints spoken of in general (whoever has them) are nobody's report;
 * any other complaint in a village group is the sender's, beside an order or not (感冒药帮我带一盒 嗓子疼 二组).
 */
const GENERAL_COMPLAINT_RE =
  /有[^,，。;；!！?？\s]{1,8}的[,，\s]*(?:请|要|一定|马上|立即|及时|先|都|赶紧|务必|不要|别|莫|不能)|通知[:：]|注意[:：]/;
/** 俺有点流鼻涕 / 浑身无力 头痛: the sender's own complaint in a village group, said as theirs. */
const OWN_COMPLAINT_RE = /(?:^|[\s,，。])(?:我|俺)(?:也|还)?(?:有点|有些|这两天|今天)|^(?:浑身|全身)/;

/** 好消息：…普通感冒引起的发烧，大家放心: staff's news of someone's illness is nobody's report. */
const STAFF_NEWS_RE =
  /^[\u4e00-\u9fa5]{0,4}通知|(?:莫|别|不要)乱传|好消息|大家放心|提醒[:：]|解除观察[:：]|祝大家|听说[^，,。!！?？]{0,8}(?:发烧|发热|咳)/;

/**
 * Complaints that are nobody's report: staff's news, or in a village (from no one named) complaints spoken of in
 * general, not said as the sender's own (a 提醒： is staff's whatever the group).
 */
export function nobodysComplaint(text: string, generalVillage: boolean): boolean {
  if (STAFF_NEWS_RE.test(text)) return true;
  return generalVillage && !OWN_COMPLAINT_RE.test(text) && GENERAL_COMPLAINT_RE.test(text);
}
