// The CLI in-process (for tools and tests): the commands and the runner. The `autocorp` command
// itself is bin/autocorp.mjs, which runs the build (dist/main.js).
export { CliError, type CliErrorKind } from './cli/cli-error';
export type { Command, CommandIo, OptionSpec, ParsedValues } from './cli/command';
export { reportError, runCli } from './cli/run-cli';
export { COMMANDS } from './commands/index';
