import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const noDotenv = '/nonexistent';

describe('loadConfig', () => {
  it('starts in sandbox mode on the embedded defaults with no configuration', () => {
    const c = loadConfig({}, noDotenv);
    expect(c.http).toEqual({ host: '127.0.0.1', port: 3000, trustProxy: false });
    expect(c.database.url).toBeNull();
    expect(c.database.dataDir).toBe(path.resolve(noDotenv, 'data/pglite'));
    expect(c.chat.service).toBeNull();
    expect(c.timeZone).toBe('Asia/Shanghai');
    expect(c.demo).toBe(true);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'abc', SHOUWANG_TIMEZONE: 'Mars/Olympus', SHOUWANG_DEMO: 'maybe' }, noDotenv);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const vars = (err as ConfigError).issues.map((i) => i.variable).sort();
      expect(vars).toEqual(['PORT', 'SHOUWANG_DEMO', 'SHOUWANG_TIMEZONE']);
      expect((err as Error).message).toContain('PORT');
    }
  });

  it('rejects a DATABASE_URL that is not a postgres URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' }, noDotenv)).toThrow(/DATABASE_URL/);
  });

  it('needs a token when an endpoint is given', () => {
    expect(() => loadConfig({ WECHATY_PUPPET_SERVICE_ENDPOINT: '127.0.0.1:8788' }, noDotenv)).toThrow(
      /WECHATY_PUPPET_SERVICE_TOKEN/,
    );
  });

  it('reads the puppet service settings', () => {
    const c = loadConfig(
      {
        WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_0123456789',
        WECHATY_PUPPET_SERVICE_ENDPOINT: '127.0.0.1:8788',
        WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
      },
      noDotenv,
    );
    expect(c.chat.service).toEqual({
      token: 'insecure_0123456789',
      endpoint: '127.0.0.1:8788',
      tlsDisabled: true,
    });
  });

  it('reads .env, lets the environment win, and treats empty values as unset', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-env-'));
    fs.writeFileSync(path.join(dir, '.env'), 'PORT=4100\nHOST=0.0.0.0\nSHOUWANG_BOT_NAME=小守\nLOG_LEVEL=\n');
    const c = loadConfig({ HOST: '127.0.0.2' }, dir);
    expect(c.http).toEqual({ host: '127.0.0.2', port: 4100, trustProxy: false });
    expect(c.chat.botName).toBe('小守');
    expect(c.logLevel).toBe('info');
  });
});
