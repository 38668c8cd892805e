import { resolvePlatformConfig, resolveProfile } from '@autocorp/config';
import type { CommandIo } from '../cli/command';
import { openLake } from '../commands/lake';
import { lakeRuntimeParts } from './lake-runtime-parts';
import { type ApiServer, startApiServer } from './start-api-server';
import { StaticRuntime } from './static-runtime';

export interface ServeLakeOptions {
  readonly lake: string | undefined;
  readonly slot: string;
  readonly host: string;
  readonly port: number;
  readonly signal?: AbortSignal;
}

/**
 * The API over the lake of this profile with nothing running (`autocorp serve`): a static runtime,
 * the source database only through DATABASE_URL (for source counts and the slot's status), the chat
 * endpoint with the configured assistant provider.
 */
export async function serveLake(io: CommandIo, options: ServeLakeOptions): Promise<ApiServer> {
  // The chat endpoint's provider: the assistant.* keys of autocorp.config.json / AUTOCORP_ASSISTANT_*.
  const { assistant } = resolvePlatformConfig({ env: io.env, cwd: io.cwd });
  const databaseUrl = io.env.DATABASE_URL?.trim();
  const runtime = new StaticRuntime({
    ...lakeRuntimeParts(io, options.slot),
    store: openLake(io, options.lake),
    sourceConnection: databaseUrl ? { connectionString: databaseUrl } : null,
    profile: resolveProfile(io.env),
  });
  return startApiServer({
    runtime,
    host: options.host,
    port: options.port,
    chat: assistant,
    ...(options.signal ? { signal: options.signal } : {}),
    onError: (error) => io.stderr.write(`api: ${error.message}\n`),
  });
}
