// Groups (configured by topic) and the WeChat rooms of the account, brought together: the sandbox gets a
// room for every configured group, each group is bound to the room of its topic, and the account takes
// the groups of its rooms that no account speaks in yet (one instance per account on a shared database).
import type { SandboxWorld } from './sandbox.js';
import type { ChatTransport } from './types.js';

export interface RoomGroups {
  list(): Promise<{ id: number; topic: string; roomId: string | null }[]>;
  bindRoom(groupId: number, roomId: string, account: string | null): Promise<void>;
  adoptRooms(roomIds: readonly string[], account: string): Promise<number>;
}

export function createRoomSync(deps: {
  groups: RoomGroups;
  chat: Pick<ChatTransport, 'rooms'>;
  world: SandboxWorld | null;
  /** The account this instance is logged in as (null before login). */
  account(): string | null;
}): () => Promise<void> {
  const { groups, chat, world } = deps;
  return async function syncRooms() {
    const configured = await groups.list();
    if (world) for (const g of configured) world.ensureRoom(g.topic);
    const rooms = await chat.rooms();
    const account = deps.account();
    for (const g of configured) {
      if (g.roomId) continue;
      const room = rooms.find((r) => r.topic === g.topic);
      if (room) await groups.bindRoom(g.id, room.id, account);
    }
    if (account)
      await groups.adoptRooms(
        rooms.map((r) => r.id),
        account,
      );
  };
}
