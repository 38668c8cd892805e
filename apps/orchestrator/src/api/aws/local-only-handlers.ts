import { ROUTES, type RouteDefinition } from '@autocorp/platform-client';
import { ApiError } from '../api-error';
import type { JsonRouteName, RouteHandlers, StreamHandlers } from '../route-handler';

/** The routes declared local-only in the contract (ROUTES[...].localOnly): no backend on the aws profile. */
export const LOCAL_ONLY_ROUTES = (Object.entries(ROUTES) as [keyof typeof ROUTES, RouteDefinition][]).filter(
  ([, route]) => route.localOnly !== undefined,
);

/** The 501 a local-only route answers on aws: the route, and what to use there instead. */
export function localOnlyError(route: RouteDefinition, environment: string): ApiError {
  const method = route.method.toUpperCase();
  const instead = (route.localOnly ?? '').replaceAll('<env>', environment);
  return new ApiError('local-only', `${method} ${route.path} is local-only: ${instead}.`);
}

/** A handler per local-only route (JSON and streamed) that answers its `local-only` error. */
export function localOnlyHandlers(environment: string): {
  readonly handlers: Partial<RouteHandlers>;
  readonly streams: Partial<StreamHandlers>;
} {
  const handlers: Record<string, () => Promise<never>> = {};
  const streams: Record<string, () => never> = {};
  for (const [name, route] of LOCAL_ONLY_ROUTES) {
    const fail = () => {
      throw localOnlyError(route, environment);
    };
    if (route.answer === 'event-stream') streams[name] = fail;
    else handlers[name as JsonRouteName] = async () => fail();
  }
  return { handlers: handlers as Partial<RouteHandlers>, streams: streams as Partial<StreamHandlers> };
}
