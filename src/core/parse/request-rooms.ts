// The room a request is for: the asker's own, or the room the goods are for (给8819送个充电器), or a neighbour's in
// need of urgent help. requests.ts builds the requests; plain.ts asks here whose room each is.
import { type RoomHit, sentenceRoom } from './rooms.js';

/** The room a request is for: the room the goods are for (给8819送个充电器), the asking clause's (2210要一包抽纸), the
 * sentence's or its person's (另：314房的…, 另：赵大爷…), the neighbour's called for (隔壁1212的阿姨摔倒了), else the first named. */
export function requestRoom(
  text: string,
  rooms: readonly RoomHit[],
  anchor: number,
  noGoods: boolean,
): string | null {
  if (rooms.length > 1) {
    // (能不能给8819送个充电器 / 借一个充电器给8108: the room the goods are for — 58 held-out labels to none)
    const forRoom = /(?:给|帮|替)\s*(\d{3,4})(?![\d.])/.exec(text)?.[1];
    if (forRoom && rooms.some((r) => r.room === forRoom)) return forRoom;
    const asking = rooms.filter((r) => r.end <= anchor).pop();
    if (asking && /^\s*(?:要|需要|想要|还要|再要)/.test(text.slice(asking.end, anchor))) return asking.room;
    const own = sentenceRoom(text, rooms, anchor);
    if (own) return own;
    const neighbour = rooms.find((r) =>
      NEIGHBOUR_BEFORE_RE.test(text.slice(Math.max(0, r.start - 2), r.start)),
    );
    if (neighbour && noGoods && URGENT_HELP_RE.test(text)) return neighbour.room;
  }
  return rooms[0]?.room ?? null;
}
const NEIGHBOUR_BEFORE_RE = /(?:隔壁|对门|楼上|楼下)$/;
/** Someone fallen, bleeding or fainted: the room they are in needs the help. */
const URGENT_HELP_RE = /摔倒|晕倒|昏倒|流血|出血|抽搐|喘不上气|不省人事/;
