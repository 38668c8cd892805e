import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  /** One line for --help. */
  readonly description: string;
  /** Placeholder shown in --help, e.g. "<n>". */
  readonly valueName?: string;
};

export type ParsedValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** Where a command writes: stdout for results, stderr for progress and diagnostics. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream | NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface Command {
  /** Words after `autocorp`, e.g. ["db", "migrate"]. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Longer text for --help. */
  readonly description?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Positional arguments, for --help ("<sql>"); none allowed when omitted. */
  readonly positionals?: readonly string[];
  run(values: ParsedValues, positionals: readonly string[], io: CommandIo): Promise<number | void>;
}
