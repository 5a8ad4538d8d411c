import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { COMMANDS } from './commands';

const MAIN = join(process.cwd(), 'apps/cli/src/main.ts');
const cliWith = (env: Record<string, string>, ...args: string[]) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
};
const cli = (...args: string[]) => cliWith({}, ...args);

// Issue 16, part 6: the CLI's manners.
describe('the ceasefire-ledger CLI', () => {
  it('lists its commands and exit codes with --help, and answers no command with that help and exit 2', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    for (const c of COMMANDS) expect(help.out).toContain(`  ${c.name}`);
    expect(help.out).toMatch(/exit codes:\n {2}0 .*\n {2}1 .*does not verify.*\n {2}2 .*command line.*\n {2}3 /);
    const bare = cli();
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('commands:');
  });

  it.each(COMMANDS.map((c) => c.name))('shows %s --help: its usage, every flag and an example', (name) => {
    const help = cli(name, '--help');
    expect(help.code).toBe(0);
    const command = COMMANDS.find((c) => c.name === name)!;
    expect(help.out).toContain(`usage: ceasefire-ledger ${name}`);
    for (const flag of Object.keys(command.options)) expect(help.out).toContain(`--${flag}`);
    expect(help.out).toMatch(new RegExp(`example:\\n {2}ceasefire-ledger ${name} `));
  });

  it('names an unknown flag, a missing one, a malformed value and an unknown command, with exit 2', () => {
    expect(cli('export', '--api', 'http://x', '--tokn', 't')).toMatchObject({
      code: 2,
      err: expect.stringContaining('export: unknown flag --tokn'),
    });
    expect(cli('export', '--api', 'http://x')).toMatchObject({
      code: 2,
      err: expect.stringContaining('missing --token (or LEDGER_TOKEN), --out'),
    });
    expect(cli('verify')).toMatchObject({ code: 2, err: expect.stringContaining('verify: missing DIR') });
    expect(cli('export', '--api', 'localhost', '--token', 't', '--out', 'o')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--api must be an http(s) URL'),
    });
    expect(cli('follow', '--api', 'http://x', '--token', 't', '--min-severity', 'S9')).toMatchObject({
      code: 2,
      err: expect.stringContaining('--min-severity must be one of S0, S1, S2, S3, S4'),
    });
    expect(cli('export', '--api')).toMatchObject({ code: 2, err: expect.stringContaining('--api needs a value') });
    expect(cli('exprot')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command exprot') });
  });

  it('takes the bearer token from LEDGER_TOKEN, so that it shows in no command line (ps, npm run, shell history)', () => {
    const nowhere = join(process.cwd(), 'dist', 'nowhere');
    for (const name of ['export', 'follow', 'witness']) expect(cli(name, '--help').out).toContain('(or LEDGER_TOKEN)');
    expect(cli('export', '--api', 'http://127.0.0.1:9', '--out', nowhere)).toMatchObject({
      code: 2,
      err: expect.stringContaining('missing --token (or LEDGER_TOKEN)'),
    });
    const run = cliWith({ LEDGER_TOKEN: 't' }, 'export', '--api', 'http://127.0.0.1:9', '--out', nowhere);
    expect(run.code).toBe(3);
  });

  it('exits 3 when it cannot run: the API cannot be reached', () => {
    const run = cli(
      'export',
      '--api',
      'http://127.0.0.1:9',
      '--token',
      't',
      '--out',
      join(process.cwd(), 'dist', 'nowhere'),
    );
    expect(run.code).toBe(3);
  });

  it('keeps its shebang when built, so the package bin runs as a command', () => {
    const built = ts.transpileModule(readFileSync(MAIN, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS },
    });
    expect(built.outputText.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')).bin['ceasefire-ledger']).toBe(
      'dist/apps/cli/src/main.js',
    );
  });
});
