// Run by the build once the modules are bundled (node dist/write-command-manifest.js): writes
// dist/commands.json, the commands of COMMANDS with the module that exports each.
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from './command';
import { describeCommands } from './command-manifest';

const dist = import.meta.dirname;
const modules = new Map<string, Record<string, unknown>>();
for (const file of readdirSync(path.join(dist, 'commands'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.js'))
  .sort()) {
  modules.set(
    `./commands/${file.split(path.sep).join('/')}`,
    (await import(pathToFileURL(path.join(dist, 'commands', file)).href)) as Record<string, unknown>,
  );
}
const index = modules.get('./commands/index.js') as { COMMANDS?: readonly Command[] } | undefined;
if (!index?.COMMANDS) throw new Error(`${dist}/commands/index.js does not export COMMANDS.`);
writeFileSync(
  path.join(dist, 'commands.json'),
  `${JSON.stringify(describeCommands(index.COMMANDS, modules), null, 2)}\n`,
);
