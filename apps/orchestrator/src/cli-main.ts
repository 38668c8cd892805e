// Entry point of the built CLI (dist/main.js): reads the command list the build wrote
// (dist/commands.json) and loads a command's module only to run it, so `--help` loads no library.
import { readFileSync } from 'node:fs';
import { type CommandManifestEntry, lazyCommands } from './cli/command-manifest';
import { runCli } from './cli/run-cli';

const manifest = JSON.parse(
  readFileSync(new URL('./commands.json', import.meta.url), 'utf8'),
) as CommandManifestEntry[];
const commands = lazyCommands(
  manifest,
  (module) => import(new URL(module, import.meta.url).href) as Promise<Record<string, unknown>>,
);
process.exitCode = await runCli(process.argv.slice(2), commands, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
