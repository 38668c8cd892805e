import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlatformClientError } from '@autocorp/platform-client';
import { ROUTES, createPlatformClient } from '@autocorp/platform-client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiView } from '../src/components/api-state';

/** An API that answers every route as the aws profile answers a local-only one (501, kind local-only). */
describe('a panel whose route is local-only on AWS', () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const route = Object.values(ROUTES).find((r) => request.url?.split('?')[0] === r.path);
      const message = `${request.method} ${route?.path} is local-only: ${route?.localOnly}.`;
      response.writeHead(501, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { kind: 'local-only', message, field: null } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('shows that it is local-only and what to use on AWS, not the API-down or error banner', async () => {
    const error = await createPlatformClient({ baseUrl })
      .etlRuns()
      .then(
        () => new Error('the API answered runs'),
        (e: unknown) => e as PlatformClientError,
      );
    const html = renderToStaticMarkup(
      createElement(ApiView<unknown>, {
        result: { state: 'error', error, down: false },
        what: 'run history',
        children: () => 'data',
      }),
    );
    expect(html).toContain('data-testid="local-only"');
    expect(html).toContain('Run history: local only.');
    expect(html).toContain(ROUTES.etlRuns.localOnly!.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
    expect(html).not.toContain('data-testid="api-down"');
    expect(html).not.toContain('Could not load');
  });
});
