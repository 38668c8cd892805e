import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/cli/cli-error';
import type { Command, CommandIo } from '../src/cli/command';
import { numberOption } from '../src/cli/option-values';
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

const seen: unknown[] = [];
const commands: Command[] = [
  {
    path: ['db', 'status'],
    summary: 'Row counts',
    options: { json: { type: 'boolean', description: 'JSON output' } },
    async run(values) {
      seen.push(values);
    },
  },
  {
    path: ['generate'],
    summary: 'Generate data',
    options: { scale: { type: 'string', description: 'Scale', default: '0.01', valueName: '<n>' } },
    async run(values) {
      numberOption(values.scale, 'scale', { min: 0, exclusiveMin: true });
      return 0;
    },
  },
];

const tick = () => new Promise((r) => setImmediate(r));

describe('runCli', () => {
  it('runs the command with parsed options', async () => {
    const t = io();
    expect(await runCli(['db', 'status', '--json'], commands, t)).toBe(0);
    expect(seen.at(-1)).toEqual({ json: true });
  });

  it('prints help for the CLI, a group and a command', async () => {
    const t = io();
    expect(await runCli(['--help'], commands, t)).toBe(0);
    await tick();
    expect(t.out()).toContain('db status');
    expect(t.out()).toContain('generate');
    const g = io();
    expect(await runCli(['generate', '--help'], commands, g)).toBe(0);
    await tick();
    expect(g.out()).toContain('--scale <n>');
    expect(g.out()).toContain('(default: 0.01)');
  });

  it('names an unknown command, flag or bad value and exits non-zero', async () => {
    const a = io();
    expect(await runCli(['nope'], commands, a)).toBe(1);
    await tick();
    expect(a.err()).toContain('"autocorp nope" is not a command');

    const b = io();
    expect(await runCli(['db', 'status', '--bogus'], commands, b)).toBe(2);
    await tick();
    expect(b.err()).toContain("'--bogus'");
    expect(b.err()).toContain('autocorp db status --help');

    const c = io();
    expect(await runCli(['generate', '--scale=-1'], commands, c)).toBe(2);
    await tick();
    expect(c.err()).toBe('error: --scale must be a number greater than 0, got "-1".\n');

    const d = io();
    expect(await runCli(['generate', '--scale', '-1'], commands, d)).toBe(2);
    await tick();
    expect(d.err()).toContain('write --scale=<value>');
  });

  it('lists a group when only its first word is given', async () => {
    const t = io();
    expect(await runCli(['db'], commands, t)).toBe(2);
    await tick();
    expect(t.out()).toContain('Commands under "autocorp db"');
  });

  it('reports unexpected errors with their stack', async () => {
    const t = io();
    const thrown = new TypeError('bad');
    const boom: Command = {
      path: ['boom'],
      summary: 'x',
      options: {},
      run: async () => {
        throw thrown;
      },
    };
    expect(await runCli(['boom'], [boom], t)).toBe(1);
    await tick();
    // The whole stack, frames included, exactly as the error carries it.
    expect(thrown.stack).toMatch(/\n\s+at .*run-cli\.test\.ts:\d+/);
    expect(t.err()).toBe(`error: unexpected failure: ${thrown.stack}\n`);
  });

  it('reports a system error that caused a known one as its message and code, without a stack', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const failing: Command = {
      path: ['fail'],
      summary: 'x',
      options: {},
      run: async () => {
        throw new CliError('pipeline-failed', 'cannot reach the database', { cause: refused });
      },
    };
    const t = io();
    expect(await runCli(['fail'], [failing], t)).toBe(1);
    await tick();
    expect(t.err()).toBe(`error: cannot reach the database\ncaused by: Error: ${refused.message} (ECONNREFUSED)\n`);
  });

  it('reports a known error in one line, and the stack of an unexpected error that caused it', async () => {
    const cause = new RangeError('index 7 out of range');
    const failing: Command = {
      path: ['fail'],
      summary: 'x',
      options: {},
      run: async () => {
        throw new CliError('pipeline-failed', 'pipeline step "x" failed: index 7 out of range', { cause });
      },
    };
    const t = io();
    expect(await runCli(['fail'], [failing], t)).toBe(1);
    await tick();
    expect(t.err()).toBe(`error: pipeline step "x" failed: index 7 out of range\ncaused by: ${cause.stack}\n`);

    // A known cause (it already names the thing that is wrong) is not repeated unless AUTOCORP_DEBUG is set.
    const known = new CliError('usage', 'inner');
    const wrapping: Command = {
      path: ['wrap'],
      summary: 'x',
      options: {},
      run: async () => {
        throw new CliError('unreadable-input', 'outer: inner', { cause: known });
      },
    };
    const quiet = io();
    expect(await runCli(['wrap'], [wrapping], quiet)).toBe(1);
    await tick();
    expect(quiet.err()).toBe('error: outer: inner\n');
  });
});
