// The `shouwang` command as users run it (npx shouwang → bin/shouwang.js): a few smoke tests start the
// real process (usage, parse on stdin, a database command); the commands themselves are tested
// in-process through runCli in the other files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSession, cliWorkspace } from '../helpers/cli.js';

const spawned = cliWorkspace('sw-cli-');
const inProcess = cliSession('sw-cli-in-');
beforeAll(async () => {
  await spawned.open();
  await inProcess.open();
});
afterAll(async () => {
  await spawned.close();
  await inProcess.close();
});

describe('shouwang as a process', () => {
  it('prints the usage', () => {
    const r = spawned.run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('shouwang <command>');
    expect(r.stderr).toBe('');
  });

  it('parses JSON Lines from stdin', () => {
    const r = spawned.runWith(
      { stdin: `${JSON.stringify({ id: 1, text: '2105 早上36.4' })}\nnot json\n` },
      'parse',
    );
    expect(r).toEqual({
      code: 0,
      stdout:
        '{"id":1,"records":[{"type":"health","temperature":36.4,"slot":"am","symptoms":[],"room":"2105"}]}\n' +
        '{"id":null,"error":"not valid JSON"}\n',
      stderr: '',
    });
  });

  it('applies migrations to its database and reads it', () => {
    const r = spawned.run('db', 'migrate');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^migrations applied \((pglite|postgres): /);
    const outbox = spawned.run('outbox', '--json');
    expect([outbox.code, outbox.stdout, outbox.stderr]).toEqual([0, '[]\n', '']);
  });

  it('exits 2 with one line for an unknown command', () => {
    const r = spawned.run('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shouwang: unknown command "frobnicate" (shouwang --help lists them)\n');
  });
});

describe('runCli', () => {
  it('applies migrations with db migrate', async () => {
    const r = await inProcess.run('db', 'migrate');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^migrations applied \((pglite|postgres): /);
  });

  it('lists an empty outbox as JSON', async () => {
    expect(await inProcess.run('outbox', '--json')).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('answers unknown commands and options with one line and exit code 2', async () => {
    expect(await inProcess.run('frobnicate')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'shouwang: unknown command "frobnicate" (shouwang --help lists them)\n',
    });
    expect(await inProcess.run('toString')).toMatchObject({ code: 2 });
    const r = await inProcess.run('outbox', '--color');
    expect([r.code, r.stderr.split('\n').length]).toEqual([2, 2]);
  });

  it('prints the usage, with exit code 2 when no command is given', async () => {
    const help = await inProcess.run('--help');
    expect([help.code, help.stdout.startsWith('usage: shouwang <command>\n')]).toEqual([0, true]);
    expect(await inProcess.run()).toEqual({ ...help, code: 2 });
  });

  it('parses JSON Lines from its stdin', async () => {
    const r = await inProcess.runWith({ stdin: '{"id":"a","text":"辛苦了！"}\n' }, 'parse');
    expect(r).toEqual({ code: 0, stdout: '{"id":"a","records":[]}\n', stderr: '' });
  });
});
