// Korean written into a Mandarin chat by Korean-Chinese residents (Yanbian): the few words a report, a request or a
// thanks is made of, rewritten to the Mandarin the parser reads. Kin words (아버지, 어머니) stay as written: they are
// whom a reading is for, read as names are.
import { replaceWords, wordTable } from './word-table.js';

const HANGUL_RE = /[\uac00-\ud7a3]/;

const TABLE = wordTable({
  기침: '咳嗽',
  '조금 아파요': '有点疼',
  '목이 아파요': '嗓子疼',
  아파요: '疼',
  '있어요?': '有吗?',
  있어요: '有吗',
  주세요: '给我',
  감사합니다: '谢谢',
  고맙습니다: '谢谢',
  맛있어요: '好吃',
  없어졌어요: '不见了',
  '안 매운 거': '不辣的',
  부탁드립니다: '麻烦了',
  괜찮아요: '没事',
});

export function readKorean(text: string): string {
  return HANGUL_RE.test(text) ? replaceWords(text, TABLE) : text;
}
