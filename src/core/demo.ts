// Demo data for the sandbox, drawn from the seed article: the observation site at 五指山大酒店 (12
// buildings, 82 rooms) with residents at different days of observation, and 七星洞村 in 金刀峡镇 with its
// volunteer team. Everything is marked 演示 so nobody takes it for real people.
import type { SetupFile } from './setup-file.js';
import { addDays, DEFAULT_ZONE } from './time.js';

export const DEMO_SITE = '五指山观察点（演示）';
export const DEMO_VILLAGE = '七星洞村（演示）';

const SURNAMES = [
  '高',
  '李',
  '王',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '郭',
  '何',
  '罗',
];

/** 82 rooms over 12 buildings: building-floor-room, e.g. 8-305. */
export function demoRooms(): string[] {
  const rooms: string[] = [];
  for (let b = 1; b <= 12; b++) {
    const perFloor = b <= 10 ? [3, 2, 2] : [2, 2, 2];
    perFloor.forEach((n, f) => {
      for (let r = 1; r <= n; r++) rooms.push(`${b}-${f + 1}0${r}`);
    });
  }
  return rooms;
}

export function demoSetup(today: string): SetupFile {
  const rooms = demoRooms();
  const residents = SURNAMES.map((surname, i) => {
    const room = rooms[(i * 5) % rooms.length] as string;
    const daysIn = i % 14; // from the first day to the last
    return {
      name: `${surname}某（演示）`,
      room,
      wechat: `${room.replace(/-/g, '')}${surname}`,
      phone: `1380000${String(1000 + i)}`,
      start: addDays(today, -daysIn),
    };
  });
  return {
    sites: [
      {
        name: DEMO_SITE,
        kind: 'quarantine',
        timezone: DEFAULT_ZONE,
        observationDays: 14,
        feverThreshold: 37.3,
        reportTimes: ['08:00', '20:00'],
        rooms,
        groups: [
          { topic: '五指山观察点住户群（演示）', role: 'residents' },
          { topic: '五指山观察点工作群（演示）', role: 'staff' },
        ],
        residents,
        households: [],
      },
      {
        name: DEMO_VILLAGE,
        kind: 'village',
        timezone: DEFAULT_ZONE,
        groups: [
          { topic: '七星洞村村民群（演示）', role: 'villagers' },
          { topic: '七星洞村助农志愿队（演示）', role: 'volunteers' },
        ],
        residents: [],
        rooms: [],
        households: ['刘家', '王家', '陈家', '杨家', '李家', '张家', '赵家', '周家', '何家', '罗家'].map(
          (name, i) => ({
            name,
            group: `${['一', '二', '三', '四', '五'][i % 5]}组`,
            phone: `1390000${String(2000 + i)}`,
            wechat: `${name.slice(0, 1)}${['大哥', '嬢嬢', '叔', '婆婆', '老师'][i % 5]}`,
          }),
        ),
      },
    ],
  };
}

export interface DemoLine {
  room: string;
  from: string;
  text: string;
}

/**
 * A short morning of chat for a freshly loaded demo, so the console has something to show: reports
 * (one fever), requests, an order, a 接龙 and a water booking. It goes through the simulated WeChat like
 * any message.
 */
export function demoChat(today: string): DemoLine[] {
  const setup = demoSetup(today);
  const [site, village] = setup.sites;
  const residents = site?.residents ?? [];
  const resTopic = site?.groups?.find((g) => g.role === 'residents')?.topic ?? '';
  const vilTopic = village?.groups?.find((g) => g.role === 'villagers')?.topic ?? '';
  const households = village?.households ?? [];
  const who = (i: number) => residents[i]?.wechat ?? '';
  const room = (i: number) => residents[i]?.room ?? '';
  const villager = (i: number) => households[i]?.wechat ?? '';
  return [
    { room: resTopic, from: who(0), text: `${room(0)} 早上36.5` },
    { room: resTopic, from: who(1), text: '36度8，没有不舒服' },
    { room: resTopic, from: who(2), text: `${room(2)} 37.6 有点咳嗽` },
    { room: resTopic, from: who(3), text: `${room(3)}房间，能再给两个口罩吗` },
    { room: resTopic, from: who(4), text: '孩子不吃辣，午饭能清淡点吗' },
    { room: resTopic, from: who(5), text: '体温正常，无咳嗽无乏力' },
    { room: vilTopic, from: villager(0), text: '帮我买两袋化肥和一桶菜籽油，送到一组' },
    {
      room: vilTopic,
      from: villager(1),
      text: ['#接龙 春耕代买', '1. 王家 尿素2袋', '2. 陈家 大米20斤', '3. 杨家 玉米种子2包'].join('\n'),
    },
    { room: vilTopic, from: villager(2), text: '明天上午送两桶水到三组，谢谢' },
  ].filter((l) => l.room && l.from);
}
