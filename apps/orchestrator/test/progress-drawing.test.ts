import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { formatCount } from '@autocorp/terminal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../src/cli/command';
import { transferCommand } from '../src/commands/transfer';
import { csvExportHeaders } from '../src/pipeline/export-headers';

/** Command io whose stderr looks like an interactive terminal (isTTY) or not. */
function terminalIo(env: NodeJS.ProcessEnv, isTTY: boolean): CommandIo & { err: () => string } {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY });
  let err = '';
  stdout.resume();
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { stdout, stderr, env, cwd: '/', err: () => err };
}

// The libraries only report progress events; the CLI draws them on its stderr.
describe('the CLI draws library progress', () => {
  let parent: string;
  let from: string;
  const sizes = new Map<string, number>();
  beforeAll(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-progress-'));
    from = path.join(parent, 'export');
    fs.mkdirSync(from);
    for (const [table, columns] of Object.entries(csvExportHeaders()).slice(0, 2)) {
      const rows = Array.from({ length: 200 }, (_, i) => columns.map((_, c) => `${table}-${i}-${c}`).join(','));
      const file = path.join(from, `${table}.csv`);
      fs.writeFileSync(file, `${[columns.join(','), ...rows].join('\n')}\n`);
      sizes.set(`${table}.csv`, fs.statSync(file).size);
    }
  });
  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  const transfer = async (io: CommandIo, lake: string) =>
    transferCommand.run({ from, lake: pathToFileURL(path.join(parent, lake)).href, json: false }, [], io);

  it('draws a bar per file from the transfer events on an interactive terminal', async () => {
    const io = terminalIo({ AUTOCORP_HOME: path.join(parent, 'home') }, true);
    expect(await transfer(io, 'lake-tty')).toBe(0);
    const lines = io
      .err()
      .split('\n')
      .filter((l) => l !== '');
    // One finished line per file (the live redraws before it start with \r and the clear-line code).
    expect(lines.length).toBe(sizes.size);
    for (const [file, size] of sizes) {
      const line = lines.find((l) => l.includes(`transfer ${file}`));
      expect(line, file).toBeDefined();
      expect(line).toContain(`${formatCount(size)}/${formatCount(size)} bytes`);
      expect(line).toContain('100%');
      expect(line).toContain('\r\x1b[2K');
    }
  });

  it('draws nothing in CI or off a terminal', async () => {
    const ci = terminalIo({ AUTOCORP_HOME: path.join(parent, 'home'), CI: 'true' }, true);
    expect(await transfer(ci, 'lake-ci')).toBe(0);
    expect(ci.err()).toBe('');
    const piped = terminalIo({ AUTOCORP_HOME: path.join(parent, 'home') }, false);
    expect(await transfer(piped, 'lake-piped')).toBe(0);
    expect(piped.err()).toBe('');
  });
});
