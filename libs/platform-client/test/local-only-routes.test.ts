import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_API_LAMBDA_ENV, platformApiLambdaSettings } from '../src/aws/platform-api-environment';
import { ROUTES } from '../src/contract/routes';
import { buildOpenApiDocument } from '../src/openapi/build-openapi-document';
import { PlatformClientError, createPlatformClient, subscribeEvents } from '../src/index';

const localOnlyRoutes = Object.entries(ROUTES).filter(([, route]) => 'localOnly' in route && route.localOnly);

describe('routes without an AWS backend (local-only)', () => {
  it('are declared in the route schemas and answer 501 in the OpenAPI document with what to use on AWS', () => {
    const document = buildOpenApiDocument();
    expect(localOnlyRoutes.map(([name]) => name).sort()).toEqual(
      ['cdc', 'etlRuns', 'events', 'quarantine', 'status', 'timeline'].sort(),
    );
    for (const [path, methods] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(methods)) {
        const route = Object.values(ROUTES).find((r) => r.path === path && r.method === method);
        const declared = route && 'localOnly' in route ? route.localOnly : undefined;
        const partly = route?.errors?.['501'];
        if (declared) expect(operation.responses['501']?.description).toContain(declared);
        else if (partly) expect(operation.responses['501']?.description).toBe(partly);
        else expect(operation.responses['501']).toBeUndefined();
      }
  });

  describe('the typed client against a server answering local-only', () => {
    let server: Server;
    let baseUrl: string;
    let eventRequests = 0;
    const posted: { body: string; hash: unknown }[] = [];
    beforeAll(async () => {
      server = createServer(async (request, response) => {
        if (request.url?.startsWith('/api/events')) eventRequests += 1;
        let body = '';
        for await (const chunk of request) body += String(chunk);
        if (request.method === 'POST') posted.push({ body, hash: request.headers['x-amz-content-sha256'] });
        const route = Object.values(ROUTES).find((r) => request.url?.split('?')[0] === r.path);
        const message = route && 'localOnly' in route ? route.localOnly : 'no such route';
        response.writeHead(501, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { kind: 'local-only', message, field: null } }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('rejects a call with an http error that says it is local-only and what to use instead', async () => {
      const client = createPlatformClient({ baseUrl });
      const error = await client.cdc().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PlatformClientError);
      expect((error as PlatformClientError).localOnly).toBe(true);
      expect((error as PlatformClientError).status).toBe(501);
      expect((error as PlatformClientError).message).toContain(ROUTES.cdc.localOnly);
    });

    it('signs the hash of a POST body as CloudFront origin access control for Lambda function URLs needs it', async () => {
      const client = createPlatformClient({ baseUrl });
      await client.sql({ body: { sql: 'SELECT 1' } }).catch(() => undefined);
      expect(posted).toHaveLength(1);
      expect(posted[0]!.hash).toBe(createHash('sha256').update(posted[0]!.body).digest('hex'));
    });

    it('reports a local-only event stream once and stops reconnecting', async () => {
      const reported = await new Promise<PlatformClientError>((resolve) => {
        subscribeEvents(baseUrl, fetch, () => undefined, { onError: resolve, reconnectMs: 1 });
      });
      expect(reported.localOnly).toBe(true);
      expect(reported.message).toContain(ROUTES.events.localOnly);
      // A second subscription's request proves the server answers in order; the first made exactly one.
      await new Promise<PlatformClientError>((resolve) => {
        subscribeEvents(baseUrl, fetch, () => undefined, { onError: resolve, reconnectMs: 1 });
      });
      expect(eventRequests).toBe(2);
    });
  });
});

describe("the platform API Lambda's settings", () => {
  it('reads each variable the names constant gives, and names a missing one', () => {
    const env = Object.fromEntries(Object.values(PLATFORM_API_LAMBDA_ENV).map((name) => [name, `value of ${name}`]));
    const settings = platformApiLambdaSettings(env);
    for (const [key, name] of Object.entries(PLATFORM_API_LAMBDA_ENV))
      expect(settings[key as keyof typeof settings]).toBe(`value of ${name}`);
    const { [PLATFORM_API_LAMBDA_ENV.workGroup]: _missing, ...without } = env;
    expect(() => platformApiLambdaSettings(without)).toThrow(PLATFORM_API_LAMBDA_ENV.workGroup);
  });
});
