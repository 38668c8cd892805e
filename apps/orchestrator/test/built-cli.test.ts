import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../src/cli/command';
import { runCli } from '../src/cli/run-cli';
import { COMMANDS } from '../src/commands/index';
import { runAutocorp } from './autocorp-process';

// These run the build (Nx runs orchestrator:build before this project's tests).
const DIST = path.resolve(import.meta.dirname, '..', 'dist');

/** The packages a built module loads when it is imported: its static imports, followed through the chunks. */
function staticPackageImports(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const code = fs.readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:^|\n)\s*(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+)["']/g)) {
    const specifier = match[1] as string;
    if (specifier.startsWith('.'))
      for (const p of staticPackageImports(path.resolve(path.dirname(file), specifier), seen)) packages.add(p);
    else if (!specifier.startsWith('node:')) packages.add(specifier);
  }
  return packages;
}

function io(): CommandIo & { out: () => string } {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  return { stdout, stderr: new PassThrough(), env: {}, cwd: '/', out: () => out };
}

async function fromSource(argv: string[]): Promise<string> {
  const t = io();
  await runCli(argv, COMMANDS, t);
  await new Promise((resolve) => setImmediate(resolve));
  return t.out();
}

describe('the built autocorp CLI', () => {
  it('prints the same help as the sources, for the CLI, a group and a command', async () => {
    for (const argv of [['--help'], ['cdc', '--help'], ['query', '--help'], ['run', '--help']]) {
      const built = await runAutocorp(argv, {});
      expect(built.code, argv.join(' ')).toBe(0);
      expect(built.stdout, argv.join(' ')).toBe(await fromSource(argv));
    }
  });

  it('lists the named queries like the sources do', async () => {
    const built = await runAutocorp(['query', '--list'], {});
    expect(built.stderr).toBe('');
    expect(built.stdout).toBe(await fromSource(['query', '--list']));
  });

  it('loads no npm package to start, nor to list the named queries; a command that needs one loads it', () => {
    expect([...staticPackageImports(path.join(DIST, 'main.js'))]).toEqual([]);
    expect([...staticPackageImports(path.join(DIST, 'commands', 'query', 'query.js'))]).toEqual([]);
    expect([...staticPackageImports(path.join(DIST, 'commands', 'run.js'))]).toEqual(
      expect.arrayContaining(['@duckdb/node-api', 'pg']),
    );
  });

  it('loads the HTTP server only when the API is served: no command module imports it, the server serve loads does', () => {
    const modules = fs
      .readdirSync(path.join(DIST, 'commands'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'));
    expect(modules).toContain('serve.js');
    for (const module of ['../main.js', ...modules]) {
      const packages = staticPackageImports(path.join(DIST, 'commands', module));
      expect(
        [...packages].filter((p) => p === 'hono' || p.startsWith('@hono/')),
        module,
      ).toEqual([]);
    }
    const serveLake = fs.readdirSync(path.join(DIST, 'chunks')).find((f) => /^serve-lake-.*\.js$/.test(f));
    expect(serveLake).toBeDefined();
    expect([...staticPackageImports(path.join(DIST, 'chunks', serveLake as string))]).toEqual(
      expect.arrayContaining(['hono', '@hono/node-server']),
    );
  });
});
