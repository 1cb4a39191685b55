// Words voice input and pinyin typing get wrong, by their sound (口照 for 口罩, 体文 for 体温): data for voice.ts.
import { goodsAt } from './item-lexicon.js';

export const VOICE_WORDS: Record<string, string> = {
  // (written by sound: 后填 for 后天, 复和肥 for 复合肥, 拉圾袋 for 垃圾袋)
  后填: '后天',
  复和肥: '复合肥',
  拉圾袋: '垃圾袋',
  // (买是包尿素 / 买实个鸡蛋: the recogniser's 是 for 四 and 实 for 十, before a count's unit after a buying verb)
  买是包: '买四包',
  买是袋: '买四袋',
  买是斤: '买四斤',
  买是桶: '买四桶',
  买是瓶: '买四瓶',
  买是个: '买四个',
  带是包: '带四包',
  带是袋: '带四袋',
  买实个: '买十个',
  买实斤: '买十斤',
  买实包: '买十包',
  买实袋: '买十袋',
  带实个: '带十个',
  带实斤: '带十斤',
  口照: '口罩',
  可数: '咳嗽',
  桑子: '嗓子',
  可嗽: '咳嗽',
  山十六度: '三十六度',
  山十七度: '三十七度',
  尚午: '上午',
  上无: '上午',
  下无: '下午',
  中无: '中午',
  // (明天下五给送: 五 for 午 after a day said, 下五 alone could be a count)
  明天下五: '明天下午',
  明天上五: '明天上午',
  今天下五: '今天下午',
  今天上五: '今天上午',
  后天下五: '后天下午',
  后天上五: '后天上午',
  口造: '口罩',
  没有发少: '没有发烧',
  没发少: '没发烧',
  咳数: '咳嗽',
  扣罩: '口罩',
  冲电器: '充电器',
  冲电宝: '充电宝',
  复合飞: '复合肥',
  发骚: '发烧',
  尿速: '尿素',
  温度记: '温度计',
  体温记: '体温计',
  侯咙: '喉咙',
  体问: '体温',
  三十六读: '三十六度',
  三十七读: '三十七度',
  三十八读: '三十八度',
  小毒液: '消毒液',
  消读液: '消毒液',
  送睡: '送水',
  // (送两桶睡来 / 送道谢家坡: 睡 for 水 after the barrels, 道 for 到 after 送)
  桶睡: '桶水',
  送道: '送到',
  量桶: '两桶',
  付合肥: '复合肥',
  题温: '体温',
  酱有: '酱油',
  将油: '酱油',
  化飞: '化肥',
  卫生之: '卫生纸',
  温度机: '温度计',
  // 嗓子有点腾: 腾 for 疼 after a complaint's adverb
  有点腾: '有点疼',
  有些腾: '有些疼',
  有点藤: '有点疼',
  有些藤: '有些疼',
  // pinyin typed by the old on the plains (round rr): the first character offered for the sound
  鸡旦: '鸡蛋',
  酱由: '酱油',
  体文: '体温',
  洗衣分: '洗衣粉',
  口照儿: '口罩儿',
  // pinyin typed without looking (round ci): the first characters offered for the sound
  提问计: '体温计',
  散失六度: '三十六度',
  散失七度: '三十七度',
  将压药: '降压药',
  蒙托石散: '蒙脱石散',
  垃圾带: '垃圾袋',
  卫生只: '卫生纸',
  充电气: '充电器',
  消度液: '消毒液',
  酒静: '酒精',
  地模: '地膜',
  稻中: '稻种',
  流鼻体: '流鼻涕',
  鼻子赛: '鼻子塞',
  头腾: '头疼',
  菜子油: '菜籽油',
  两痛水: '两桶水',
  一痛水: '一桶水',
  三痛水: '三桶水',
};

const PUT_RIGHT_COUNT = '[\\d一二两三四五六七八九十百半几]+';
const PUT_RIGHT_UNIT =
  '(?:公斤|袋|桶|包|斤|瓶|箱|盒|件|板|把|个|卷|提|支|块|壶|罐|捆|挑|担|条|根|双|床|本|只|颗|棵)';
/** 还要一个垃圾袋不对不对是一卷垃圾袋 / 烤烟膜要四卷 不对 要五卷: a count of goods put right. */
export const COUNT_PUT_RIGHT_RE = new RegExp(
  `(${PUT_RIGHT_COUNT})\\s*(${PUT_RIGHT_UNIT})((?:(?![\\d一二两三四五六七八九十百半几])[\\u4e00-\\u9fa5]){0,6}?)[\\s,，。]*(?:哦|噢|喔|哎呀|哎|啊|呃)?(?:不对不对|不对)[\\s,，。]*(?:应该是|还是|只要|是|要|就)?\\s*(${PUT_RIGHT_COUNT})\\s*(${PUT_RIGHT_UNIT})(?:\\3)?(?:就(?:够|行|好|可以)了?)?`,
  'g',
);

/** 十金盐巴: the recogniser's 金 for 斤 after a count (五金店 and 奖金 stay). */
export const GOLD_JIN_RE = /((?<!\d)\d{1,3}|[一二两三四五六七八九十百半几]+)金/g;
export function goldJin(m: string, n: string, s: string, at: number): string {
  const next = s[at + m.length] ?? '';
  return /^$|[\s,，。\d一二两三四五六七八九十]/.test(next) || goodsAt(s, at + m.length) ? `${n}斤` : m;
}
