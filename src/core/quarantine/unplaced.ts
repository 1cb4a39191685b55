// What to do with a residents-group message that gave no record: keep it for staff review when it looks
// like it meant something (a number, a question, something asked for or felt), let short chatter go.
import { normalise } from '../parse/normalise.js';

/** Whole messages that are only politeness or acknowledgement. */
const CHATTER =
  /^(?:谢谢|多谢|感谢|谢了|谢啦|好的|好|好滴|好嘞|好哒|收到|明白|知道了|了解|嗯|嗯嗯|哦|哦哦|ok|okay|辛苦了?|辛苦大家|大家辛苦了|你们辛苦了|早|早上好|早安|午安|晚安|晚上好|大家好|你好|您好|哈哈+|呵呵|加油|武汉加油|中国加油|重庆加油|赞|点赞|棒|👍|🙏|[!！。.~～、，,\s])+$/iu;

/** Words that show the sender wants or reports something. */
const MEANINGFUL =
  /\d|[零一二三四五六七八九十两]+度|体温|温度|发烧|发热|烧|度|要|需要|帮|能不能|能否|可以|可不可以|麻烦|请问|药|不舒服|难受|疼|痛|咳|医生|护士|怎么|什么时候|为什么|多久|几点|吗|\?|？|没有|没了|不够|坏了|送|换|饭|水|出院|解除|隔离|核酸|检测|结果/;

/** Short acknowledgements carry nothing to review. */
const SHORT = 6;

export function leftoverState(text: string): 'unplaced' | 'ignored' {
  const t = normalise(text)
    .replace(/\[[^\]]{1,6}\]/g, '')
    .replace(/\p{Extended_Pictographic}/gu, '')
    .trim();
  if (t.length === 0) return 'ignored';
  if (CHATTER.test(t)) return 'ignored';
  if (MEANINGFUL.test(t)) return 'unplaced';
  return t.replace(/[\s\p{P}\p{S}]/gu, '').length > SHORT ? 'unplaced' : 'ignored';
}
