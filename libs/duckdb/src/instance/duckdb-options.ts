import path from 'node:path';
import { DuckDbError } from '../duckdb-error';
import { quoteList, quoteLiteral } from '../sql/quote';

/** Which files statements may touch. */
export type ExternalAccess =
  /** Any file DuckDB's process can reach (the default). */
  | 'unrestricted'
  /** Only these absolute folders and what is under them; everything else, and every setting that could loosen this, is refused. */
  | { readonly allowedDirectories: readonly string[] };

export interface DuckDbOptions {
  /** Worker threads; default DuckDB's own (one per core). */
  readonly threads?: number;
  /** `memory_limit` before DuckDB spills, e.g. `4GB`; default DuckDB's own (80 % of the machine's memory). */
  readonly memoryLimit?: string;
  /** Folder DuckDB spills to (`temp_directory`); created if missing, never removed here (its owner does). */
  readonly tempDirectory?: string;
  /** Keep the order of inserted rows in results and COPY output (`preserve_insertion_order`); default true. */
  readonly preserveInsertionOrder?: boolean;
  /** Time zone of every connection (`SET GLOBAL TimeZone`); default `UTC`. */
  readonly timeZone?: string;
  /** Keep Parquet footers between queries (`parquet_metadata_cache`): only for files that are never rewritten. Default false. */
  readonly parquetMetadataCache?: boolean;
  /** Default `unrestricted`. A folder list turns `enable_external_access` off and locks the configuration. */
  readonly externalAccess?: ExternalAccess;
}

/**
 * The extensions policy, applied to every instance: the bundled extensions (parquet, json, icu) load
 * as they are needed, nothing is ever downloaded (`autoinstall_known_extensions` off) and community
 * extensions are refused.
 */
export const EXTENSIONS_POLICY = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'true',
  allow_community_extensions: 'false',
} as const;

/** The settings given to `DuckDBInstance.create`. */
export function creationSettings(options: DuckDbOptions): Record<string, string> {
  const settings: Record<string, string> = { ...EXTENSIONS_POLICY };
  if (options.threads !== undefined) {
    if (!Number.isInteger(options.threads) || options.threads < 1) {
      throw new DuckDbError(
        'invalid-option',
        `DuckDB threads must be a whole number of at least 1, got ${options.threads}; pass e.g. 2.`,
      );
    }
    settings['threads'] = String(options.threads);
  }
  if (options.memoryLimit !== undefined) settings['memory_limit'] = options.memoryLimit;
  if (options.tempDirectory !== undefined) settings['temp_directory'] = options.tempDirectory;
  if (options.preserveInsertionOrder !== undefined)
    settings['preserve_insertion_order'] = String(options.preserveInsertionOrder);
  return settings;
}

/** The folders as DuckDB's `allowed_directories` entries: absolute, sorted, unique, each ending in `/` so a sibling with the same prefix is not allowed. */
export function allowedDirectoryEntries(folders: readonly string[]): string[] {
  for (const folder of folders) {
    if (!path.isAbsolute(folder)) {
      throw new DuckDbError(
        'invalid-option',
        `The allowed directory ${JSON.stringify(folder)} is relative; pass an absolute folder.`,
      );
    }
  }
  return [...new Set(folders.map((f) => (f.endsWith('/') ? f : `${f}/`)))].sort();
}

/** The statements run once after creation, in order (global settings; the lock comes last). */
export function globalSettingStatements(options: DuckDbOptions): string[] {
  const statements = [`SET GLOBAL TimeZone = ${quoteLiteral(options.timeZone ?? 'UTC')}`];
  if (options.parquetMetadataCache) statements.push('SET GLOBAL parquet_metadata_cache = true');
  const access = options.externalAccess ?? 'unrestricted';
  if (access !== 'unrestricted') {
    statements.push(
      `SET GLOBAL allowed_directories = ${quoteList(allowedDirectoryEntries(access.allowedDirectories))}`,
    );
    statements.push('SET GLOBAL enable_external_access = false');
    statements.push('SET GLOBAL lock_configuration = true');
  }
  return statements;
}
