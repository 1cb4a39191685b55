// Once per test run: on PGlite, build one migrated database and save its data directory, so that each
// test starts from a copy of it in half a second instead of creating and migrating its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client.js';

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return;
  const db = await openDatabase({ dataDir: 'memory://' });
  await db.migrate();
  const blob = await db.dump?.();
  await db.close();
  if (!blob) return;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-tpl-')), 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
