#!/usr/bin/env node
// Entry point of the `autocorp` CLI: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on every start under Node 20 (supported until 2026-ish); the warning is noise for CLI users.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('../src/main.ts');
