import { ROUTES, type RouteDefinition, parseJsonBody } from '@autocorp/platform-client';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { ApiError } from './api-error';
import { type RouteHandlers, type StreamHandlers, isCsvAnswer } from './route-handler';
import { localOrigin } from './local-origins';
import { validatePart } from './validate-request';

/** `/api/tables/{database}/{table}` -> `/api/tables/:database/:table` (Hono's syntax). */
function honoPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/** An error as the API answers it: ApiError as is, anything else a 500 keeping its message. */
export function toApiError(error: unknown, classify: (error: unknown) => ApiError | undefined): ApiError {
  if (error instanceof ApiError) return error;
  return (
    classify(error) ??
    new ApiError('internal', `The API failed: ${(error as Error)?.message ?? String(error)}`, null, { cause: error })
  );
}

async function readBody(c: Context, route: RouteDefinition): Promise<unknown> {
  if (!route.body) return undefined;
  const parsed = parseJsonBody(await c.req.text());
  if (parsed.ok) return parsed.data;
  const { message, field, cause } = parsed.issue;
  throw new ApiError('bad-request', message, field, { cause });
}

export interface ApiAppOptions {
  readonly handlers: RouteHandlers;
  /** Answer the streamed routes (server-sent events): GET /api/events, POST /api/chat. */
  readonly streams: StreamHandlers;
  /** Maps a library's error to the API's (bad SQL -> 400, unknown table -> 404...). */
  readonly classifyError: (error: unknown) => ApiError | undefined;
  readonly onError?: (error: ApiError) => void;
  /** Answers other GET paths (the ops dashboard's static export); undefined passes to the 404. */
  readonly web?: (c: Context) => Promise<Response | undefined>;
}

/** The Hono app of the platform API: every route of the contract, its input validated by the route's schemas. */
export function buildApiApp(options: ApiAppOptions): Hono {
  const app = new Hono();
  app.use(
    cors({
      origin: (origin) => localOrigin(origin),
      allowMethods: ['GET', 'POST'],
      exposeHeaders: ['content-disposition'],
    }),
  );
  const handlers = options.handlers as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  const streams = options.streams as unknown as Record<string, (input: unknown, c: Context) => Promise<Response>>;
  const validInput = async (c: Context, route: RouteDefinition) => ({
    params: validatePart('params', route.params, c.req.param()),
    query: validatePart('query', route.query, c.req.query()),
    body: route.body ? validatePart('body', route.body, await readBody(c, route)) : undefined,
    signal: c.req.raw.signal,
  });
  for (const [name, route] of Object.entries(ROUTES) as [string, RouteDefinition][]) {
    const path = honoPath(route.path);
    if (route.answer === 'event-stream') {
      const stream = streams[name];
      if (!stream) throw new Error(`No stream handler for the route "${name}" (${route.path}).`);
      app.on(route.method.toUpperCase(), path, async (c) => stream(await validInput(c, route), c));
      continue;
    }
    const handler = handlers[name];
    if (!handler) throw new Error(`No handler for the route "${name}" (${route.path}).`);
    app.on(route.method.toUpperCase(), path, async (c) => {
      const answer = await handler(await validInput(c, route));
      if (isCsvAnswer(answer)) {
        return c.body(answer.text, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${answer.filename}"`,
        });
      }
      const checked = route.response.safeParse(answer);
      if (!checked.success) {
        throw new ApiError(
          'internal',
          `The answer of ${route.path} does not match the contract (${checked.error.message}); this is a bug in the API.`,
        );
      }
      return c.json(checked.data as object);
    });
  }
  const web = options.web;
  if (web) app.get('*', async (c, next) => (await web(c)) ?? (await next()));
  app.notFound((c) =>
    c.json(new ApiError('not-found', `No route ${c.req.method} ${c.req.path}: see /openapi.json.`, 'path').body(), 404),
  );
  app.onError((error, c) => {
    const apiError = toApiError(error, options.classifyError);
    options.onError?.(apiError);
    return c.json(apiError.body(), apiError.status as 400);
  });
  return app;
}
