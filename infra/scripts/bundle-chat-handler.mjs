#!/usr/bin/env node
// Bundles the chat Lambda for `cdk synth`/`deploy` (the chat stack's asset runs it as local bundling):
//
//   node infra/scripts/bundle-chat-handler.mjs <output dir>
//
// <output dir>/index.mjs holds the handler (libs/assistant/src/lambda/chat-lambda.ts) with every library and the
// AWS SDK inlined; DuckDB (the read-only SQL guard parses with it) is native, so its packages are copied into
// <output dir>/node_modules as they are installed (linux-x64, the function's architecture).
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: bundle-chat-handler.mjs <output dir>');
  process.exit(1);
}
const entry = path.join(repoRoot, 'libs/assistant/src/lambda/chat-lambda.ts');
const NATIVE = ['@duckdb/node-api', '@duckdb/node-bindings', '@duckdb/node-bindings-linux-x64'];
const isNative = (id) => NATIVE.some((name) => id === name || id.startsWith(`${name}/`));

const bundle = await rolldown({ input: entry, platform: 'node', external: isNative, logLevel: 'warn' });
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
    console.error(`bundle-chat-handler: ${name} is not installed; run npm ci on linux-x64 first.`);
    process.exit(1);
  }
  const target = path.join(outdir, 'node_modules', name);
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(source, target, { recursive: true, dereference: true });
}
writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
