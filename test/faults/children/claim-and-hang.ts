// A worker that dies between claiming an outbox row and sending it: it claims the next due row through
// the real repository, says which one on stdout, and then hangs until the test kills it.
// Usage: node --import tsx claim-and-hang.ts <postgres-url | pglite-data-dir> <claim-ttl-ms>
import { openDatabase } from '../../../db/client.js';
import { createOutboxRepo } from '../../../db/repositories/outbox.js';

const [where = '', ttl = '3000'] = process.argv.slice(2);
const db = await openDatabase(where.startsWith('postgres') ? { url: where, max: 1 } : { dataDir: where });
const row = await createOutboxRepo(db.db).claimNext(new Date(), Number(ttl));
process.stdout.write(`${JSON.stringify({ id: row?.id ?? null, claimExpiresAt: row?.claimExpiresAt })}\n`);
// Never sends, never closes: killed here, as a worker process that crashed or was OOM-killed.
setInterval(() => {}, 60_000);
