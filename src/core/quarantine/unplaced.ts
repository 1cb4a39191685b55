// What to do with a residents-group message that gave no record: keep it for staff review when it looks
// like it meant something (a number, a question, something asked for or felt), let short chatter go.
import { normalise } from '../parse/normalise.js';

/** Politeness, greetings and acknowledgements, and the people they are addressed to. */
const CHATTER = new RegExp(
  [
    '谢谢|多谢|感谢|谢了|谢啦|好的|好滴|好嘞|好哒|收到|明白|知道了|了解|嗯+|哦+|ok|okay',
    '辛苦(?:了|啦)?|早上好|早安|午安|晚安|晚上好|上午好|下午好|大家好|你好|您好|哈+|呵+|嘿+',
    '(?:武汉|中国|重庆|湖北)?加油|点赞|赞|棒|一起|平安|健康|保重|好|早',
    '医生|护士|大家|你们|您们|各位|老师|工作人员|白衣天使|小助手|守望|们|啊|呀|哦|呢|吧|啦|了|的|都|也|真|太|非常|特别',
  ].join('|'),
  'giu',
);

/** Words that show the sender wants or reports something. */
const MEANINGFUL =
  /\d|体温|温度|发烧|发热|烧|度|要|需|帮|能不能|能否|可以|可不可以|麻烦|请问|药|不舒服|难受|疼|痛|咳|怎么|什么|为什么|多久|几点|吗|\?|没有|没了|不够|坏了|送|换|饭|水|出院|解除|隔离|核酸|检测|结果/;

/** Short remarks without any of those carry nothing to review. */
const SHORT = 6;

/**
 * Emoji people use to say they are unwell or need something (a face with a thermometer, a mask, sneezing,
 * vomiting, dizzy, hurt, hot, cold, crying, SOS, a pill, a thermometer): a person must look at them.
 */
const TELLING_EMOJI = /[🤒😷🤧🤮🤢🥵🥶😵🤕😰😨😭😢🆘💊🩹🌡🏥🚑]/u;

export function leftoverState(text: string): 'unplaced' | 'ignored' {
  if (TELLING_EMOJI.test(text)) return 'unplaced';
  const t = normalise(text)
    .replace(/\[[^\]]{1,6}\]/g, '')
    .replace(/\p{Extended_Pictographic}/gu, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
  const rest = t.replace(CHATTER, '');
  if (rest.length === 0) return 'ignored';
  if (MEANINGFUL.test(rest)) return 'unplaced';
  return rest.length > SHORT ? 'unplaced' : 'ignored';
}
