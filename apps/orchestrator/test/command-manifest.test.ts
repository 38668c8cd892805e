import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/cli-error';
import type { Command, CommandIo } from '../src/cli/command';
import { describeCommands, lazyCommands } from '../src/cli/command-manifest';
import { runCli } from '../src/cli/run-cli';

function io(): CommandIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { stdout, stderr, env: {}, cwd: '/', out: () => out, err: () => err };
}

const ran: unknown[] = [];
const statusCommand: Command = {
  path: ['db', 'status'],
  summary: 'Row counts',
  options: { json: { type: 'boolean', default: false, description: 'JSON output' } },
  async run(values, positionals) {
    ran.push({ values, positionals });
    return 3;
  },
};
const generateCommand: Command = {
  path: ['generate'],
  summary: 'Generate data',
  positionals: ['[<dir>]'],
  options: {},
  async run() {},
};
const MODULES = new Map<string, Record<string, unknown>>([
  ['./commands/db/db-status.js', { statusCommand, formatStatus: () => '' }],
  ['./commands/generate.js', { DEFAULT_SEED: 42, generateCommand }],
]);

describe('the command manifest of the built CLI', () => {
  it('describes each command in order with the module and export that hold it, without its code', () => {
    const manifest = describeCommands([generateCommand, statusCommand], MODULES);
    expect(manifest.map((e) => [e.path.join(' '), e.module, e.exportName])).toEqual([
      ['generate', './commands/generate.js', 'generateCommand'],
      ['db status', './commands/db/db-status.js', 'statusCommand'],
    ]);
    expect(manifest[1]?.options).toEqual(statusCommand.options);
    expect(JSON.parse(JSON.stringify(manifest))).toEqual(manifest);
    expect(manifest.some((e) => 'run' in e)).toBe(false);
  });

  it('names a command that no module exports', () => {
    const orphan: Command = { ...generateCommand, path: ['lake', 'ls'] };
    expect(() => describeCommands([orphan], MODULES)).toThrow(/"autocorp lake ls" is in COMMANDS but no module/);
  });

  it('shows help without loading any command module, and loads only the one that runs', async () => {
    const loaded: string[] = [];
    const commands = lazyCommands(
      JSON.parse(JSON.stringify(describeCommands([generateCommand, statusCommand], MODULES))),
      async (module) => {
        loaded.push(module);
        return MODULES.get(module) ?? {};
      },
    );
    const fromSource = io();
    const fromManifest = io();
    await runCli(['--help'], [generateCommand, statusCommand], fromSource);
    expect(await runCli(['--help'], commands, fromManifest)).toBe(0);
    await runCli(['db', 'status', '--help'], commands, fromManifest);
    expect(await runCli(['db', 'status', '--bogus'], commands, fromManifest)).toBe(2);
    expect(loaded).toEqual([]);
    expect(fromManifest.out().startsWith(fromSource.out())).toBe(true);

    expect(await runCli(['db', 'status', '--json'], commands, io())).toBe(3);
    expect(loaded).toEqual(['./commands/db/db-status.js']);
    expect(ran.at(-1)).toEqual({ values: { json: true }, positionals: [] });
  });

  it('asks for a rebuild when the module no longer exports the command', async () => {
    const [entry] = describeCommands([statusCommand], MODULES);
    const [command] = lazyCommands([entry!], async () => ({ somethingElse: 1 }));
    const error = await command!.run({}, [], io()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).kind).toBe('build-stale');
    expect((error as CliError).message).toContain('npx nx run orchestrator:build');
  });
});
