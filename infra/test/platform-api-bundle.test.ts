import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROUTES } from '@autocorp/platform-client';
import { PLATFORM_API_LAMBDA_ENV } from '@autocorp/platform-client/platform-api-environment';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_BUNDLER, PLATFORM_API_LAMBDA } from '../src/constructs/lambda-code';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'autocorp-platform-api-bundle-'));
  execFileSync(process.execPath, [LAMBDA_BUNDLER, PLATFORM_API_LAMBDA.entry, dir], { stdio: 'pipe' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A function URL event (payload 2.0) of a GET. */
const get = (rawPath: string) => ({
  version: '2.0',
  rawPath,
  rawQueryString: '',
  headers: { host: 'abc.lambda-url.us-east-1.on.aws' },
  requestContext: { http: { method: 'GET', path: rawPath }, domainName: 'abc.lambda-url.us-east-1.on.aws' },
  isBase64Encoded: false,
});

/** Loads the bundle in a fresh Node process (as the Lambda runtime does) and calls `handler` with each event. */
function invoke(events: unknown[], env: Record<string, string>): { statusCode: number; body: string }[] {
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.mjs')).href)});
    const out = [];
    for (const event of ${JSON.stringify(events)}) out.push(await handler(event, {}));
    process.stdout.write(JSON.stringify(out));`;
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AUTOCORP_')));
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: os.tmpdir(),
    env: { ...base, AWS_REGION: 'us-east-1', ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the bundle failed to load: ${run.stderr}`);
  return JSON.parse(run.stdout) as { statusCode: number; body: string }[];
}

describe('the platform API Lambda bundle (scripts/bundle-lambda.mjs, what the web stack deploys)', () => {
  it('holds the handler module and the native DuckDB packages the SQL guard loads', () => {
    expect(existsSync(path.join(dir, 'index.mjs'))).toBe(true);
    expect(existsSync(path.join(dir, 'node_modules', '@duckdb', 'node-bindings-linux-x64'))).toBe(true);
    expect(existsSync(path.join(dir, 'node_modules', '@autocorp'))).toBe(false);
  });

  it('loads outside the repository with the stack variables and answers liveness, the document and local-only', () => {
    const env = Object.fromEntries(Object.values(PLATFORM_API_LAMBDA_ENV).map((name) => [name, 'dev']));
    env[PLATFORM_API_LAMBDA_ENV.lakeUri] = 's3://autocorp-dev-raw-111111111111-us-east-1/';
    const [health, document, cdc] = invoke([get('/health'), get('/openapi.json'), get(ROUTES.cdc.path)], env);
    expect(health?.statusCode).toBe(200);
    expect(JSON.parse(health?.body ?? '{}')).toMatchObject({ status: 'ok', mode: 'static' });
    expect(JSON.parse(document?.body ?? '{}').paths[ROUTES.cdc.path].get.responses['501']).toBeDefined();
    expect(cdc?.statusCode).toBe(501);
    expect(JSON.parse(cdc?.body ?? '{}').error).toMatchObject({ kind: 'local-only' });
  });
});
