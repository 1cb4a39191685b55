// `npm run db:hashes`: records the SHA-256 of new migration files in db/migration-hashes.json. Run it after
// `npm run db:generate` and commit both. It never changes a recorded hash: an edited or deleted migration
// is reported and the script exits 1 (write a new migration instead; see docs/operations.md).

import fs from 'node:fs';
import path from 'node:path';
import {
  compareHashes,
  currentHashes,
  HASHES_FILE,
  recordedHashes,
  withNewFiles,
} from './db/migration-hashes.js';

const recorded = recordedHashes();
const current = currentHashes();
const broken = compareHashes(recorded, current).filter((p) => p.problem !== 'unrecorded');
if (broken.length) {
  for (const p of broken)
    process.stderr.write(`db:hashes: ${p.file} is ${p.problem} since it was recorded\n`);
  process.stderr.write(
    'db:hashes: committed migrations never change; restore them (git checkout) and add a new migration\n',
  );
  process.exit(1);
}
const { hashes, added } = withNewFiles(recorded, current);
if (added.length) fs.writeFileSync(HASHES_FILE, `${JSON.stringify(hashes, null, 2)}\n`);
const where = path.relative(process.cwd(), HASHES_FILE);
process.stdout.write(
  added.length ? `recorded in ${where}: ${added.join(', ')}\n` : `${where}: every migration is recorded\n`,
);
