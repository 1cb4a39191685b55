// A duty officer or doctor answering one member: a reading they were told, quoted back, with "I am coming" and what
// to do meanwhile; gear put on to go up; things bought or brought for 您. None of it is the member's report or ask.

/** 我马上过来 / 我等下过来复测 / 明早我上去看: the one answering is coming (a resident in a room never is). */
const COMING_MYSELF_RE =
  /我(?:这就|马上|等下|一会儿?|现在)(?:就)?(?:过去|过来|上来|上去)(?!拿|取|领|买|[\d一二两三四五六七八九十])|(?:明早|明天|等下|下午|晚上|今晚)我(?:就|再)?(?:上去|过去|过来|上来|上门)(?:看|复测|量)/;
/** 先多喝温水 / 请先戴好口罩 / 先不要给她吃退烧药: what to do until then. */
const MEANWHILE_RE =
  /先(?:多喝|给|用|让|把|戴好|(?:不要|别|莫)给)|多喝(?:点|些)?(?:温|热|开)?水|请先|戴好口罩|(?:莫|别|不要)(?:给[她他])?吃退烧药/;
/** 我37.5 / 我量了 / 我体温: the sender's own reading (then the message is theirs, whatever else it says). */
const OWN_READING_RE =
  /(?:我|俺|额)[^，,。!！?？\d]{0,4}(?:3[4-9]|4[0-2]|三十[四五六七八九])|(?:我|俺|额)(?:量|测|体温)/;
/** 马上穿防护服上来: only staff put on protective suits to go up. */
const GEAR_UP_RE = /穿(?:好|上)?防护服(?:就)?(?:上来|过来|上去|过去)/;
/** 我们去药店给您买 / 我们过去看一下: staff, more than one, doing it for 您. */
const WE_DO_IT_RE =
  /我们[^，,。!！?？]{0,6}给(?:您|你)(?:们)?(?:买|送|拿|带)|我们(?:下午|上午|晚上|等下|马上)?(?:过去|上去)看(?:一下|看)/;
/** 8207稍等，药马上送: a room told to wait. */
const ROOM_WAIT_RE = /^\s*(?:\d{1,2}\s*[-栋]\s*)?\d{3,4}\s*(?:房)?\s*[,，]?\s*(?:请)?稍等/;

/** The first regex of each test below, for the staff-talk gate. */
export const STAFF_REPLY_LEADS: readonly RegExp[] = [COMING_MYSELF_RE, GEAR_UP_RE, WE_DO_IT_RE, ROOM_WAIT_RE];

export function staffReplyOf(text: string): boolean {
  if (GEAR_UP_RE.test(text) || ROOM_WAIT_RE.test(text)) return true;
  if (WE_DO_IT_RE.test(text) && !/我(?!们)|俺|能不能|可不可以|麻烦/.test(text)) return true;
  return COMING_MYSELF_RE.test(text) && MEANWHILE_RE.test(text) && !OWN_READING_RE.test(text);
}
