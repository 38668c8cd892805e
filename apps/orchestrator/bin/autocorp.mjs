#!/usr/bin/env node
// Entry point of the `autocorp` CLI: runs the build, dist/main.js (`npx nx run orchestrator:build`;
// `npm start` builds it first, Nx caches it). From the TypeScript sources, without building:
// `node --import tsx apps/orchestrator/src/main.ts <command>`.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'error: the autocorp CLI is not built (no apps/orchestrator/dist/main.js). Build it with "npx nx run orchestrator:build" (npm start does this first).\n',
  );
  process.exit(1);
}
// The AWS SDK warns on every start under Node 20 (supported until 2026-ish); the warning is noise for CLI users.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await import(main.href);
