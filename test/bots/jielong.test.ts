// 接龙 in the villagers' group: re-posted again and again, one line longer each time, sometimes as a
// WeChat 接龙-tool message. Each line is one order however often it is re-posted; a changed line updates
// its order, a removed line cancels it, and each re-post gets one reply about what changed.
import { asc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jielongs, orderItems, orders } from '../../db/schema.js';
import { startVillage, VILLAGERS, type VillageTest, VOLUNTEERS } from '../helpers/village.js';

let v: VillageTest;
beforeEach(async () => {
  v = await startVillage();
});
afterEach(async () => {
  await v.stop();
});

const at = (hhmm: string, day = '15') => `2020-02-${day}T${hhmm}:00+08:00`;
const HEADER = '#接龙 2月15日 代买化肥种子，志愿者免费送';
const list = (...lines: string[]) => [HEADER, ...lines].join('\n');
const tool = (...lines: string[]) =>
  `<msg><appmsg appid="" sdkver="0"><title>${list(...lines).replace(/\n/g, '&#x0A;')}</title><des></des><type>53</type></appmsg></msg>`;
const texts = (said: { text: string }[]) => said.map((s) => s.text);

async function lines() {
  const rows = await v.db.db.select().from(orders).orderBy(asc(orders.number));
  const items = await v.db.db.select().from(orderItems).orderBy(asc(orderItems.id));
  return rows.map(
    (o) =>
      `O-${o.number} #${o.jielongSeq ?? '-'} ${o.customer} ${o.status} ${items
        .filter((i) => i.orderId === o.id)
        .map((i) => `${i.canonical}${i.qty}${i.unit}`)
        .join('+')}`,
  );
}

describe('a 接龙 re-posted three times', () => {
  it('counts each line once, updates a changed line, cancels a removed one', async () => {
    const v1 = await v.say(
      VILLAGERS,
      '老李',
      list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶', '3. 张三'),
      at('09:00'),
    );
    expect(texts(v1)).toEqual([
      '接龙已收到，记下 2 单：\n1. 老李 尿素 2袋（O-0001）\n2. 刘婆婆 菜油 1桶（O-0002）',
    ]);
    expect(v1[0]?.mentions).toEqual([]);

    const second = list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶', '3. 张三 大米20斤', '4. 老王 化肥2袋');
    expect(texts(await v.say(VILLAGERS, '张三', second, at('09:10')))).toEqual([
      '接龙已更新：\n新增 3. 张三 大米 20斤（O-0003）\n新增 4. 老王 化肥 2袋（O-0004）',
    ]);
    // The same list posted again: nothing new, nothing said.
    expect(await v.say(VILLAGERS, '老王', second, at('09:11'))).toEqual([]);
    expect(await v.stateOf(v.lastId)).toBe('handled');

    const third = list(
      '1. 老李 尿素2袋',
      '2. 刘婆婆 菜油2桶',
      '3. 张三 大米20斤',
      '4. 老王 化肥2袋',
      '5. 赵大爷 盐1袋',
    );
    // 刘婆婆 changes her own line and adds 赵大爷's for him.
    expect(texts(await v.say(VILLAGERS, '刘婆婆', third, at('09:20')))).toEqual([
      '接龙已更新：\n修改 2. 刘婆婆 菜油 2桶（O-0002）\n新增 5. 赵大爷 盐 1袋（O-0005）',
    ]);

    // 老李 took his line out; WeChat's 接龙 tool renumbered the rest, and 小陈 added one.
    const fourth = tool(
      '1. 刘婆婆 菜油2桶',
      '2. 张三 大米20斤',
      '3. 老王 化肥2袋',
      '4. 赵大爷 盐1袋',
      '5. 小陈 复合肥1袋',
    );
    expect(texts(await v.say(VILLAGERS, '小陈', fourth, at('09:30'), { app: true }))).toEqual([
      '接龙已更新：\n新增 5. 小陈 复合肥 1袋（O-0006）\n取消 1. 老李 尿素 2袋（O-0001）',
    ]);

    expect(await lines()).toEqual([
      'O-1 #- 老李 cancelled 尿素2袋',
      'O-2 #1 刘婆婆 open 菜籽油2桶',
      'O-3 #2 张三 open 大米20斤',
      'O-4 #3 老王 open 化肥2袋',
      'O-5 #4 赵大爷 open 盐1袋',
      'O-6 #5 小陈 open 复合肥1袋',
    ]);
    const lists = await v.db.db.select().from(jielongs);
    // One list, keyed by its header as the parser normalises it (full-width punctuation folded).
    expect(lists.map((j) => [j.header, j.day])).toEqual([
      ['#接龙 2月15日 代买化肥种子,志愿者免费送', '2020-02-15'],
    ]);

    // The purchase list counts each line once, the alias list folding 菜油 into 菜籽油.
    expect(texts(await v.say(VOLUNTEERS, '小李', '#采购单', at('09:40')))).toEqual([
      '【采购单】共 5 样\n· 菜籽油 2桶（1单）\n· 大米 20斤（1单）\n· 复合肥 1袋（1单）\n· 化肥 2袋（1单）\n· 盐 1袋（1单）',
    ]);
  });

  it('cancels a line its owner marks 不要了, and orders nothing for it', async () => {
    await v.say(VILLAGERS, '老李', list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶'), at('09:00'));
    const struck = list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶（不要了）', '3. 张三 大米20斤');
    expect(texts(await v.say(VILLAGERS, '刘婆婆', struck, at('09:10')))).toEqual([
      '接龙已更新：\n取消 2. 刘婆婆 菜油 1桶（O-0002）\n新增 3. 张三 大米 20斤（O-0003）',
    ]);
    expect(await lines()).toEqual([
      'O-1 #1 老李 open 尿素2袋',
      'O-2 #2 刘婆婆 cancelled 菜籽油1桶',
      'O-3 #3 张三 open 大米20斤',
    ]);
  });

  it('leaves the lines a partial copy does not show, and bought lines alone', async () => {
    await v.say(
      VILLAGERS,
      '老李',
      list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶', '3. 老王 化肥2袋'),
      at('09:00'),
    );
    expect(await v.say(VILLAGERS, '张三', list('1. 老李 尿素2袋'), at('09:05'))).toEqual([]);
    await v.say(VOLUNTEERS, '小李', '#已买 O-0002 O-0003', at('10:00'));
    const changed = list('1. 老李 尿素2袋', '2. 刘婆婆 菜油3桶', '3. 张三 大米10斤');
    // 张三's copy changes 刘婆婆's line and lacks 老王's: neither is his to change.
    expect(texts(await v.say(VILLAGERS, '张三', changed, at('10:30')))).toEqual([
      '接龙已更新：\n新增 3. 张三 大米 10斤（O-0004）',
    ]);
    // Said once: the next re-post of the same list is quiet.
    expect(await v.say(VILLAGERS, '张三', changed, at('10:40'))).toEqual([]);
    expect(await lines()).toEqual([
      'O-1 #1 老李 open 尿素2袋',
      'O-2 #2 刘婆婆 bought 菜籽油1桶',
      'O-3 #4 老王 bought 化肥2袋',
      'O-4 #3 张三 open 大米10斤',
    ]);
  });

  it('keeps a line another person’s copy lacks: only its owner takes it out (issue 17.8)', async () => {
    await v.say(VILLAGERS, '老李', list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶'), at('09:00'));
    // 张三 and 小陈 both copy that version and each add a line: 小陈's post lacks 张三's line.
    await v.say(
      VILLAGERS,
      '张三',
      list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶', '3. 张三 大米20斤'),
      at('09:05'),
    );
    expect(
      texts(
        await v.say(
          VILLAGERS,
          '小陈',
          list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶', '3. 小陈 盐1袋'),
          at('09:06'),
        ),
      ),
    ).toEqual([
      '接龙已更新：\n新增 3. 小陈 盐 1袋（O-0004）\n保留 张三 大米 20斤（O-0003）：只有接这一行的人能删。',
    ]);
    // A re-post without 刘婆婆's line, by someone else, cancels nothing either.
    await v.say(VILLAGERS, '老王', list('1. 老李 尿素2袋'), at('09:07'));
    // 张三 takes his own line out.
    expect(
      texts(
        await v.say(
          VILLAGERS,
          '张三',
          list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶', '3. 小陈 盐1袋'),
          at('09:10'),
        ),
      ),
    ).toEqual(['接龙已更新：\n取消 4. 张三 大米 20斤（O-0003）']);
    expect((await lines()).map((l) => l.split(' ').slice(2, 4).join(' '))).toEqual([
      '老李 open',
      '刘婆婆 open',
      '张三 cancelled',
      '小陈 open',
    ]);
  });

  it('takes a list whose header is thousands of characters long (more than an index entry holds)', async () => {
    const notice = `#接龙 ${'本周代买农资，请按格式接龙，注明组别和数量。'.repeat(100)}`;
    const said = await v.say(VILLAGERS, '老李', [notice, '1. 老李 尿素2袋'].join('\n'), at('09:00'));
    expect(texts(said)).toEqual(['接龙已收到，记下 1 单：\n1. 老李 尿素 2袋（O-0001）']);
    expect(await lines()).toEqual(['O-1 #1 老李 open 尿素2袋']);
  });

  it('keeps a line withdrawn in chat withdrawn when the list is re-posted unchanged', async () => {
    const first = list('1. 老李 尿素2袋', '2. 刘婆婆 菜油1桶');
    await v.say(VILLAGERS, '老李', first, at('09:00'));
    expect(texts(await v.say(VILLAGERS, '老李', '尿素不要了', at('09:05')))).toEqual([
      '已取消 O-0001 的尿素。这一单没有别的了，整单取消。',
    ]);
    expect(await v.say(VILLAGERS, '刘婆婆', first, at('09:10'))).toEqual([]);
    expect(await lines()).toEqual(['O-1 #1 老李 cancelled 尿素2袋', 'O-2 #2 刘婆婆 open 菜籽油1桶']);
  });

  it('continues a list re-posted after midnight, and starts a fresh one the next day', async () => {
    await v.say(VILLAGERS, '老李', list('1. 老李 尿素2袋'), at('22:00'));
    expect(
      texts(await v.say(VILLAGERS, '老王', list('1. 老李 尿素2袋', '2. 老王 化肥1袋'), at('00:30', '16'))),
    ).toEqual(['接龙已更新：\n新增 2. 老王 化肥 1袋（O-0002）']);
    expect(texts(await v.say(VILLAGERS, '张三', list('1. 张三 大米10斤'), at('08:00', '17')))).toEqual([
      '接龙已收到，记下 1 单：\n1. 张三 大米 10斤（O-0003）',
    ]);
    const lists = await v.db.db.select().from(jielongs).orderBy(asc(jielongs.id));
    expect(lists.map((j) => j.day)).toEqual(['2020-02-15', '2020-02-17']);
  });

  it('keeps the product of a one-product list and gives bare numbers its unit', async () => {
    const oneProduct = '#接龙 统一代买复合肥，报袋数\n1. 老李 2袋\n2. 老王 3';
    expect(texts(await v.say(VILLAGERS, '老李', oneProduct, at('09:00')))).toEqual([
      '接龙已收到，记下 2 单：\n1. 老李 复合肥 2袋（O-0001）\n2. 老王 复合肥 3袋（O-0002）',
    ]);
    const [j] = await v.db.db.select().from(jielongs);
    expect(j?.product).toBe('复合肥');
    expect(texts(await v.say(VOLUNTEERS, '小李', '#采购单', at('09:30')))).toEqual([
      '【采购单】共 1 样\n· 复合肥 5袋（2单）',
    ]);
  });

  it('reads a 接龙-tool payload that arrives as plain text (as a replayed log carries it)', async () => {
    expect(texts(await v.say(VILLAGERS, '老李', tool('1. 老李 尿素2袋'), at('09:00')))).toEqual([
      '接龙已收到，记下 1 单：\n1. 老李 尿素 2袋（O-0001）',
    ]);
  });

  it('ignores app messages that are not a 接龙', async () => {
    const link =
      '<msg><appmsg appid="" sdkver="0"><title>防疫知识：出门戴口罩</title><type>5</type></appmsg></msg>';
    expect(await v.say(VILLAGERS, '老李', link, at('09:00'), { app: true })).toEqual([]);
    expect(await v.stateOf(v.lastId)).toBe('ignored');
  });
});
