// Numbers that read as a reading but are nobody's: an animal's heat, a broken thermometer's number, what the vet
// measured, a reading said before and talked about, a fever years past and not exact, a reading said in jest.
import { LONG_AGO } from './symptoms.js';
import type { TempHit } from './temperature.js';

const LONG_AGO_RE = new RegExp(LONG_AGO);
const LONG_AGO_FEVER_RE = new RegExp(
  `(?:${LONG_AGO})[^，,。\\s]{0,8}(?:烧到|发烧到?|发热到?|烧了|量到|高烧)\\s*$`,
);

/** 猪儿两天不吃食了 / 我屋母猪烧到…: a message whose first word is an animal. */
const ANIMAL_OPENING_RE =
  /^\s*(?:(?:哈哈+|哎呀|唉|嘿嘿)[\s,，!！]*)?(?:我屋|我家|俺家|屋头|家里)?的?(?:那|这)?(?:个|头|只|条)?[母公小老]?[猪牛羊鸡鸭狗猫兔](?:儿|子|娃|崽)?(?=病|不吃|不行|这两天|这几天|两天|几天|今天|昨天|又|也|一直|发烧|烧|拉|咳|生病|量|测|本来|就是|体温)/;

/** `all` without the hits that are nobody's reading. */
export function withoutNobodys(text: string, found: readonly TempHit[]): TempHit[] {
  let all = [...found];
  // 我屋母猪烧到四十度: an animal's heat is nobody's reading; 我前年也是烧到38度几: a fever long past, not exact, neither
  // (猪儿两天不吃食了 …夹了下40度: a message about an animal, from its first word; 体温计坏了 一直显示37.5: a broken
  // thermometer's number)
  if (ANIMAL_OPENING_RE.test(text)) return [];
  if (/坏了/.test(text))
    all = all.filter(
      (h) =>
        !/(?:体温计|温度计|体温枪)[^，。]{0,6}坏了[^，。]{0,4}(?:一直)?显示\s*$/.test(
          text.slice(Math.max(0, h.start - 16), h.start),
        ),
    );
  // (…烧得厉害兽医说四十度五: what the vet measured is an animal's)
  if (text.includes('兽医')) all = all.filter((h) => !text.slice(0, h.start).includes('兽医'));
  // (刚才那个37.4是耳温枪量的 / 前天37.3那个是哪个房间: a reading said before, talked about, is no new one)
  if (/刚才|前面|之前|前天|昨天/.test(text))
    all = all.filter(
      (h) =>
        !(
          /(?:刚才|前面|之前|前天|昨天)(?:发的|报的|说的)?(?:那个)?\s*$/.test(
            text.slice(Math.max(0, h.start - 6), h.start),
          ) && /^\s*(?:度|℃)?\s*(?:那个|是)/.test(text.slice(h.end, h.end + 4))
        ),
    );
  if (/[猪牛羊鸡鸭狗猫兔]/.test(text))
    all = all.filter(
      (h) =>
        !/[猪牛羊鸡鸭狗猫兔][^，,。\s]{0,3}(?:烧到|发烧|体温|烧)\s*$/.test(
          text.slice(Math.max(0, h.start - 8), h.start),
        ),
    );
  if (/前年|去年|以前|那年|小时候|上次|上回/.test(text))
    all = all.filter(
      (h) =>
        !(
          /^[\d.]+\s*度?\s*(?:几|多)/.test(text.slice(h.start, h.end + 4)) &&
          /前年|去年|以前|那年|小时候|上次|上回/.test(text.slice(Math.max(0, h.start - 10), h.start))
        ),
    );
  // (我娃儿上个月烧到三十九度 现在还在咳: a fever long gone is told, not reported)
  if (LONG_AGO_RE.test(text))
    all = all.filter((h) => !LONG_AGO_FEVER_RE.test(text.slice(Math.max(0, h.start - 14), h.start)));
  // 我体温37度8 骗你们的 哈哈哈: a reading said in jest and taken back is nobody's
  if (/骗|开玩笑|逗你/.test(text))
    all = all.filter(
      (h) =>
        !/^[^。?？]{0,8}?(?:骗你们|骗你的|骗人的|开玩笑的|逗你们|逗你玩)/.test(text.slice(h.end, h.end + 16)),
    );
  return all;
}
