// Runs before every test file: keep Wechaty's files (puppet-service writes under $HOME/.wechaty)
// out of the developer's home, and keep the test process in a zone that is not Asia/Shanghai so
// any reliance on the machine's zone shows up as a failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shouwang-home-'));
process.env.HOME = home;
process.env.TZ = process.env.SHOUWANG_TEST_TZ ?? 'America/New_York';

// One home a test file: removed when the file is done, so runs do not pile folders up in /tmp.
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
