// Committed migrations never change (issue 17): a database that applied a migration never applies its
// edited version, so an edit would leave old databases on another schema than new ones.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareHashes,
  currentHashes,
  MIGRATIONS_DIR,
  migrationFiles,
  recordedHashes,
  withNewFiles,
} from '../../scripts/db/migration-hashes.js';

const HOW =
  'Committed migrations never change. An edited or deleted one: restore it (git checkout -- db/migrations) ' +
  'and put the change in a new migration (npm run db:generate). A new one: record it with `npm run db:hashes` ' +
  'and commit db/migration-hashes.json.';

describe('committed migrations', () => {
  it('are the files recorded in db/migration-hashes.json, unchanged, and every file is recorded', () => {
    const problems = compareHashes(recordedHashes(), currentHashes());
    expect(problems, `${problems.map((p) => `${p.file}: ${p.problem}`).join('; ')}\n${HOW}`).toEqual([]);
  });

  it('are each in drizzle’s journal, and the journal names no other file', () => {
    const journal = JSON.parse(
      fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
    ) as {
      entries: { tag: string }[];
    };
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(migrationFiles());
  });
});

describe('the hash record', () => {
  const recorded = { '0000_a.sql': 'aa', '0001_b.sql': 'bb' };

  it('names an edited, a deleted and an unrecorded file', () => {
    expect(compareHashes(recorded, { '0000_a.sql': 'aX', '0002_c.sql': 'cc' })).toEqual([
      { file: '0000_a.sql', problem: 'changed' },
      { file: '0001_b.sql', problem: 'missing' },
      { file: '0002_c.sql', problem: 'unrecorded' },
    ]);
  });

  it('gains new files only; recorded hashes stay as they were', () => {
    const current = { '0000_a.sql': 'aa', '0001_b.sql': 'bb', '0002_c.sql': 'cc', '0003_d.sql': 'dd' };
    expect(withNewFiles(recorded, current)).toEqual({
      hashes: { '0000_a.sql': 'aa', '0001_b.sql': 'bb', '0002_c.sql': 'cc', '0003_d.sql': 'dd' },
      added: ['0002_c.sql', '0003_d.sql'],
    });
    expect(withNewFiles(recorded, { ...recorded, '0000_a.sql': 'edited' }).hashes['0000_a.sql']).toBe('aa');
  });
});
