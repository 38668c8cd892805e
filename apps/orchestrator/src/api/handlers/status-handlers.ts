import { buildOpenApiDocument } from '@autocorp/platform-client';
import type { ApiContext } from '../api-context';
import type { RouteHandlers } from '../route-handler';

type StatusHandlers = Pick<RouteHandlers, 'health' | 'openApi' | 'status'>;

/** Liveness, the OpenAPI document and the platform's status as its runtime reports it. */
export function statusHandlers(context: ApiContext): StatusHandlers {
  const document = buildOpenApiDocument() as unknown as Record<string, unknown>;
  return {
    health: async () => ({
      status: 'ok',
      mode: context.runtime.status().mode,
      startedAt: context.startedAt,
      uptimeSeconds: (context.now() - context.startedAt) / 1000,
    }),
    openApi: async () => document,
    status: async () => context.runtime.status(),
  };
}
