import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import type { Command, CommandIo, ParsedValues } from './command';
import { commandHelp, groupHelp } from './help';

/** Finds the command whose path is the longest prefix of argv. */
function findCommand(argv: readonly string[], commands: readonly Command[]): Command | undefined {
  let best: Command | undefined;
  for (const command of commands) {
    const matches = command.path.every((word, i) => argv[i] === word);
    if (matches && (!best || command.path.length > best.path.length)) best = command;
  }
  return best;
}

function describeParseError(error: unknown, command: Command): CliError {
  const text = error instanceof Error ? error.message : String(error);
  const name = `autocorp ${command.path.join(' ')}`;
  const ambiguous = /Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(text);
  const first = ambiguous
    ? `option ${ambiguous[1]} is followed by a value starting with "-": write ${ambiguous[1]}=<value>`
    : (text.split('\n')[0] ?? text).replace(/\.$/, '');
  return new CliError('usage', `${first} (in "${name}"). Run "${name} --help" for its options.`);
}

/** Parses argv, runs the command, and returns the exit code. Errors are printed, never thrown. */
export async function runCli(argv: readonly string[], commands: readonly Command[], io: CommandIo): Promise<number> {
  try {
    const words = argv.filter((a) => !a.startsWith('-'));
    const command = findCommand(argv, commands);
    const wantsHelp = argv.includes('--help') || argv.includes('-h');
    if (!command) {
      const prefixLength = words.length > 0 && commands.some((c) => c.path[0] === words[0]) ? 1 : 0;
      const prefix = words.slice(0, prefixLength);
      if (wantsHelp || argv.length === 0 || (prefixLength > 0 && words.length === 1)) {
        io.stdout.write(groupHelp(prefix, commands));
        return argv.length === 0 || wantsHelp ? 0 : 2;
      }
      throw new CliError(
        'unknown-command',
        `"autocorp ${words.join(' ')}" is not a command. Run "autocorp --help" to list the commands.`,
      );
    }
    if (wantsHelp) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    const rest = argv.slice(command.path.length);
    const options = Object.fromEntries(
      Object.entries(command.options).map(([name, spec]) => {
        const { description: _d, valueName: _v, ...parseSpec } = spec;
        return [name, parseSpec];
      }),
    );
    let parsed: { values: ParsedValues; positionals: string[] };
    try {
      parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true }) as typeof parsed;
    } catch (error) {
      throw describeParseError(error, command);
    }
    const allowed = command.positionals?.length ?? 0;
    if (parsed.positionals.length > allowed) {
      throw new CliError(
        'usage',
        `unexpected argument "${parsed.positionals[allowed]}" for "autocorp ${command.path.join(' ')}". Run it with --help for its usage.`,
      );
    }
    const code = await command.run(parsed.values, parsed.positionals, io);
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    return reportError(error, io);
  }
}

/** A known error: one of the libraries' or the app's error types, each with a `kind`. */
function isKnownError(error: unknown): error is Error & { kind: string } {
  return error instanceof Error && 'kind' in error;
}

/**
 * A cause as one line when it is an expected condition of the outside world (a system error such as
 * ECONNREFUSED, or a PostgreSQL error: both carry a string `code`), else with its stack (a bug).
 */
function describeCause(cause: unknown, env: CommandIo['env']): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' && !env.AUTOCORP_DEBUG) return `${cause.name}: ${cause.message} (${code})`;
  return cause.stack ?? cause.message;
}

/**
 * Prints an error: known errors (with a `kind`) as one clear line, others with their stack. A known
 * error caused by an unexpected one (a bug in a step) prints that cause's stack too (a system or
 * database error's message only); with
 * AUTOCORP_DEBUG every stack in the cause chain is printed.
 */
export function reportError(error: unknown, io: Pick<CommandIo, 'stderr' | 'env'>): number {
  if (isKnownError(error)) {
    io.stderr.write(`error: ${error.message}\n`);
    if (io.env.AUTOCORP_DEBUG && error.stack) io.stderr.write(`${error.stack}\n`);
    for (let cause = error.cause; cause !== undefined; cause = cause instanceof Error ? cause.cause : undefined) {
      if (isKnownError(cause) && !io.env.AUTOCORP_DEBUG) continue;
      io.stderr.write(`caused by: ${describeCause(cause, io.env)}\n`);
    }
    return error instanceof CliError && error.kind === 'usage' ? 2 : 1;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`error: unexpected failure: ${text}\n`);
  return 1;
}
