// `npm start`: the composition root. Config → database (migrated) → service → listen, chat, jobs.
// SIGINT/SIGTERM stop everything in order and the process exits by itself.
import closeWithGrace from 'close-with-grace';
import { type Database, openDatabase } from '../db/client.js';
import { loadConfig } from './config.js';
import { systemClock } from './core/clock.js';
import { playDemoChat } from './demo-chat.js';
import { createLogger } from './log.js';
import { issueDemoToken, loadDemoIfEmpty } from './services/demo.js';
import { createShouwang } from './shouwang.js';

function fail(reason: string): never {
  process.stderr.write(`shouwang: ${reason}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    fail((err as Error).message);
  }
  const log = createLogger(config.logLevel);

  let database: Database;
  try {
    database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
    await database.migrate();
  } catch (err) {
    fail((err as Error).message);
  }

  const sandbox = !config.chat.service;
  const demoLoaded =
    sandbox &&
    config.demo &&
    (await loadDemoIfEmpty({ db: database.db, clock: systemClock, timeZone: config.timeZone }));
  if (demoLoaded) {
    log.info(
      'demo data loaded: an observation site and a village, marked 演示 (SHOUWANG_DEMO=0 turns this off)',
    );
  }

  const service = await createShouwang({ config, database, log, intakeSpool: config.intakeSpool });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await service.stop();
    await database.close();
  };
  closeWithGrace({ delay: 15_000 }, async ({ signal, err }) => {
    if (err) log.error({ err }, 'stopping after an uncaught error');
    else log.info({ signal }, 'stopping');
    await shutdown();
  });

  try {
    await service.start();
  } catch (err) {
    await shutdown().catch(() => {});
    fail((err as Error).message);
  }

  if (demoLoaded)
    log.info({ messages: await playDemoChat(service, log) }, 'demo chat played in the simulated WeChat');

  const bound = service.app.server.address();
  const address = `http://${config.http.host}:${typeof bound === 'object' && bound ? bound.port : config.http.port}`;
  log.info({ address, database: database.driver, location: database.location }, `listening on ${address}`);
  log.info(`staff console: ${address}/`);
  // The demo's own admin token, fresh at each sandbox start (the previous one is revoked): the console's
  // sign-in needs one, and a token is shown only when it is made.
  const demoToken =
    service.world && config.demo
      ? await issueDemoToken({ db: database.db, tokens: service.services.tokens })
      : null;
  if (demoToken) {
    log.info({ token: demoToken }, `demo admin token (sign in to the console with it): ${demoToken}`);
    // The one line a newcomer needs, on stdout and outside the JSON logs (which go to stderr), so it is
    // read at a glance and copied whole.
    process.stdout.write(`控制台: ${address}/  令牌: ${demoToken}\n`);
  }
  if (service.world) {
    log.info(
      'SANDBOX MODE: simulated WeChat (mock puppet) and the embedded defaults. To connect real WeChat, set ' +
        'WECHATY_PUPPET_SERVICE_TOKEN (and WECHATY_PUPPET_SERVICE_ENDPOINT) — see README "Connecting real WeChat".',
    );
  }
}

await main();
