import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHAT_LAMBDA_ENV } from '@autocorp/assistant/lambda-environment';
import { ApiErrorSchema, ChatInfoSchema, ROUTES } from '@autocorp/platform-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_HANDLER_LAMBDA, LAMBDA_BUNDLER } from '../src/constructs/lambda-code';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'autocorp-chat-bundle-'));
  execFileSync(process.execPath, [LAMBDA_BUNDLER, CHAT_HANDLER_LAMBDA.entry, dir], { stdio: 'pipe' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads the bundle in a fresh Node process (as the Lambda runtime does) and calls `handler` with each event. */
function invoke(events: unknown[]): { responses: { statusCode: number; body: string }[]; log: string } {
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'index.mjs')).href)});
    const out = [];
    for (const event of ${JSON.stringify(events)}) out.push(await handler(event));
    process.stdout.write(JSON.stringify(out));`;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AUTOCORP_')));
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: os.tmpdir(),
    env,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the bundle failed to load: ${run.stderr}`);
  return { responses: JSON.parse(run.stdout) as { statusCode: number; body: string }[], log: run.stderr };
}

describe('the chat Lambda bundle (scripts/bundle-lambda.mjs, what the chat stack deploys)', () => {
  it('holds the handler module and the native DuckDB packages the SQL guard loads', () => {
    expect(existsSync(path.join(dir, 'index.mjs'))).toBe(true);
    expect(existsSync(path.join(dir, 'node_modules', '@duckdb', 'node-bindings-linux-x64'))).toBe(true);
    expect(existsSync(path.join(dir, 'node_modules', '@autocorp'))).toBe(false);
  });

  it('loads outside the repository and answers the chat contract: 400 naming the field, info and 503 naming the missing setting', () => {
    const event = (method: string, path: string, body?: string) => ({
      rawPath: path,
      ...(body !== undefined ? { body } : {}),
      requestContext: { http: { method, path } },
    });
    const { responses, log } = invoke([
      event('POST', ROUTES.chat.path, '{"question":'),
      event('GET', ROUTES.chatInfo.path),
      event('POST', ROUTES.chat.path, '{"question":"How many parts?"}'),
    ]);
    const [bad, info, unconfigured] = responses;
    expect(bad?.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(JSON.parse(bad?.body ?? '{}')).error).toMatchObject({
      kind: 'bad-request',
      field: 'body',
    });
    // Without the stack's variables the assistant cannot start: the info says why, a question gets a 503.
    expect(info?.statusCode).toBe(200);
    const described = ChatInfoSchema.parse(JSON.parse(info?.body ?? '{}'));
    expect(described).toMatchObject({ provider: 'bedrock', ready: false });
    expect(described.reason).toContain(`needs ${CHAT_LAMBDA_ENV.modelId}`);
    expect(unconfigured?.statusCode).toBe(503);
    expect(ApiErrorSchema.parse(JSON.parse(unconfigured?.body ?? '{}')).error.message).toContain(
      `needs ${CHAT_LAMBDA_ENV.modelId}`,
    );
    expect(log).toContain(`needs ${CHAT_LAMBDA_ENV.modelId}`);
  });
});
