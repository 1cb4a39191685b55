// Committed migrations never change (docs/operations.md, "Upgrades"): a database that applied a migration
// will not apply its edited version, so an edit splits databases into two schemas without anyone noticing.
// db/migration-hashes.json records the SHA-256 of every migration file when it is committed; the test
// test/db/migrations-frozen.test.ts compares, and `npm run db:hashes` records new files (never changes one).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MIGRATIONS_DIR = path.join(root, 'db', 'migrations');
export const HASHES_FILE = path.join(root, 'db', 'migration-hashes.json');

/** file name → sha256 hex (the hash drizzle records in drizzle.__drizzle_migrations for the same file). */
export type Hashes = Record<string, string>;

export interface HashProblem {
  file: string;
  problem: 'changed' | 'missing' | 'unrecorded';
}

export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function currentHashes(dir = MIGRATIONS_DIR): Hashes {
  const out: Hashes = {};
  for (const f of migrationFiles(dir)) out[f] = hashText(fs.readFileSync(path.join(dir, f), 'utf8'));
  return out;
}

export function recordedHashes(file = HASHES_FILE): Hashes {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Hashes;
}

/** Every recorded file still there with its hash, and every file recorded. */
export function compareHashes(recorded: Hashes, current: Hashes): HashProblem[] {
  const problems: HashProblem[] = [];
  for (const [file, hash] of Object.entries(recorded)) {
    if (!(file in current)) problems.push({ file, problem: 'missing' });
    else if (current[file] !== hash) problems.push({ file, problem: 'changed' });
  }
  for (const file of Object.keys(current)) {
    if (!(file in recorded)) problems.push({ file, problem: 'unrecorded' });
  }
  return problems;
}

/** The recorded hashes with the unrecorded files added; recorded entries are kept as they are. */
export function withNewFiles(recorded: Hashes, current: Hashes): { hashes: Hashes; added: string[] } {
  const added = Object.keys(current).filter((f) => !(f in recorded));
  const hashes: Hashes = { ...recorded };
  for (const f of added) hashes[f] = current[f] as string;
  const sorted: Hashes = {};
  for (const f of Object.keys(hashes).sort()) sorted[f] = hashes[f] as string;
  return { hashes: sorted, added };
}
