import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Catalog, DEFAULT_DATABASES, LocalCatalogBackend } from '@autocorp/catalog';
import type { CdcConnection } from '@autocorp/cdc';
import { DEFAULT_CDC_SLOT, type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { type OpenApiDocument, type PlatformClient, createPlatformClient } from '@autocorp/platform-client';
import { expect } from 'vitest';
import { type ApiServer, type ApiServerOptions, startApiServer } from '../../src/api/start-api-server';
import { StaticRuntime } from '../../src/api/static-runtime';
import { OpenApiValidator } from './openapi-validator';

/** The statuses the document declares answers for. */
export type ApiStatus = 200 | 400 | 404 | 502 | 503 | 504;

/** A real API server on an ephemeral port, its typed client, and the document it serves. */
export interface ApiUnderTest {
  readonly runtime: StaticRuntime;
  readonly server: ApiServer;
  readonly client: PlatformClient;
  readonly validator: OpenApiValidator;
  /** GETs (or sends) a path, expects `status`, and checks the body against the document's answer of `operationId`. */
  call(operationId: string, pathAndQuery: string, status?: ApiStatus, init?: RequestInit): Promise<unknown>;
}

export interface RuntimeParts {
  readonly store: ObjectStore;
  readonly catalog: Catalog;
  readonly databases: { readonly raw: string; readonly curated: string };
  readonly sourceConnection: CdcConnection | null;
}

export async function startApiUnderTest(
  parts: RuntimeParts,
  options: Partial<Omit<ApiServerOptions, 'runtime' | 'port'>> = {},
): Promise<ApiUnderTest> {
  const runtime = new StaticRuntime({ ...parts, slotName: DEFAULT_CDC_SLOT, profile: 'local' });
  const server = await startApiServer({ runtime, port: 0, ...options });
  const client = createPlatformClient({ baseUrl: server.url });
  const validator = new OpenApiValidator((await client.openApi()) as unknown as OpenApiDocument);
  const call = async (operationId: string, pathAndQuery: string, status: ApiStatus = 200, init?: RequestInit) => {
    const response = await fetch(`${server.url}${pathAndQuery}`, init);
    const text = await response.text();
    expect(response.status, `${pathAndQuery}: ${text.slice(0, 500)}`).toBe(status);
    if (response.headers.get('content-type')?.startsWith('text/csv')) return text;
    const body = JSON.parse(text) as unknown;
    expect(validator.problems(operationId, String(status) as '200', body), pathAndQuery).toEqual([]);
    return body;
  };
  return { runtime, server, client, validator, call };
}

/** An empty lake and catalog in a temporary folder (no pipeline has run), for tests that need no data. */
export function emptyLake(): RuntimeParts & { readonly root: string; remove(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-api-empty-'));
  fs.mkdirSync(path.join(root, 'lake'));
  const lakeUri = pathToFileURL(path.join(root, 'lake')).href;
  return {
    root,
    store: openObjectStore(lakeUri),
    catalog: new Catalog(new LocalCatalogBackend({ root: path.join(root, 'catalog'), lakeUri })),
    databases: DEFAULT_DATABASES,
    sourceConnection: null,
    remove: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}
