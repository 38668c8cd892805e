#!/usr/bin/env node
// Bundles a Lambda handler of this repository for `cdk synth`/`deploy` (a stack's asset runs it as local bundling):
//
//   node infra/scripts/bundle-lambda.mjs <entry .ts, relative to the repository> <output dir>
//
// <output dir>/index.mjs holds the handler with every library and the AWS SDK inlined; DuckDB (the read-only SQL
// guard parses with it) is native, so its packages are copied into <output dir>/node_modules as they are installed
// (linux-x64, the functions' architecture). Used for the platform API (apps/orchestrator/src/api/aws/) and the chat
// handler (libs/assistant/src/lambda/); src/constructs/lambda-code.ts names both entries.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [entryArg, outdir] = process.argv.slice(2);
if (!entryArg || !outdir) {
  console.error('usage: bundle-lambda.mjs <entry> <output dir>');
  process.exit(1);
}
const entry = path.resolve(repoRoot, entryArg);
const NATIVE = ['@duckdb/node-api', '@duckdb/node-bindings', '@duckdb/node-bindings-linux-x64'];
// pg's optional native binding is never installed (the pure JavaScript client is used).
const OPTIONAL = ['pg-native'];
const isExternal = (id) => [...NATIVE, ...OPTIONAL].some((name) => id === name || id.startsWith(`${name}/`));

const bundle = await rolldown({ input: entry, platform: 'node', external: isExternal, logLevel: 'warn' });
await bundle.write({
  dir: outdir,
  format: 'esm',
  entryFileNames: 'index.mjs',
  chunkFileNames: '[name]-[hash].mjs',
  // CommonJS dependencies inlined into ESM call require(): give them one.
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
});
await bundle.close();

for (const name of NATIVE) {
  const source = path.join(repoRoot, 'node_modules', name);
  if (!existsSync(source)) {
    console.error(`bundle-lambda: ${name} is not installed; run npm ci on linux-x64 first.`);
    process.exit(1);
  }
  const target = path.join(outdir, 'node_modules', name);
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true, dereference: true });
}
writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
