import { CliError } from './cli-error';
import type { Command } from './command';

/** A command as the built CLI knows it before loading it: what --help shows, and where its code is. */
export interface CommandManifestEntry extends Omit<Command, 'run'> {
  /** The module exporting the command, relative to the built entry (e.g. "./commands/query/query.js"). */
  readonly module: string;
  readonly exportName: string;
}

/** Describes `commands` in order, finding each among the exports of `modules` (module -> its exports). */
export function describeCommands(
  commands: readonly Command[],
  modules: ReadonlyMap<string, Readonly<Record<string, unknown>>>,
): CommandManifestEntry[] {
  return commands.map((command) => {
    for (const [module, exports] of modules) {
      const exportName = Object.keys(exports).find((name) => exports[name] === command);
      if (exportName !== undefined) {
        const { run: _run, ...described } = command;
        return { ...described, module, exportName };
      }
    }
    throw new Error(
      `"autocorp ${command.path.join(' ')}" is in COMMANDS but no module under commands/ exports it; export it from its own module.`,
    );
  });
}

/** The described commands, each loading its module (and what that imports) only when it runs. */
export function lazyCommands(
  entries: readonly CommandManifestEntry[],
  load: (module: string) => Promise<Readonly<Record<string, unknown>>>,
): Command[] {
  return entries.map(({ module, exportName, ...described }) => ({
    ...described,
    async run(values, positionals, io) {
      const command = (await load(module))[exportName] as Partial<Command> | undefined;
      if (typeof command?.run !== 'function') {
        throw new CliError(
          'build-stale',
          `${module} no longer exports the command ${exportName}: rebuild the CLI (npx nx run orchestrator:build).`,
        );
      }
      return command.run(values, positionals, io);
    },
  }));
}
