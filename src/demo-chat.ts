// Plays the demo's short morning of chat through the sandbox's simulated WeChat after a fresh demo load.
import { demoChat } from './core/demo.js';
import { localDate } from './core/time.js';
import type { Logger } from './log.js';
import type { Shouwang } from './shouwang.js';

export async function playDemoChat(service: Shouwang, log: Logger): Promise<number> {
  const world = service.world;
  if (!world) return 0;
  const lines = demoChat(localDate(service.clock.now(), service.config.timeZone));
  let played = 0;
  for (const line of lines) {
    const id = world.say(line);
    if (await service.waitProcessed(id)) played++;
    else log.warn({ from: line.from }, 'a demo message was not processed in time');
  }
  return played;
}
