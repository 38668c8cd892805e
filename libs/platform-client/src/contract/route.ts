import type { z } from 'zod';

/** How a route answers: JSON (the response schema), JSON or CSV (`format=csv`), or a server-sent event stream. */
export type RouteAnswer = 'json' | 'json-or-csv' | 'event-stream';

/**
 * One HTTP route of the platform API, the single source of its validation (the server parses
 * `params`, `query` and `body` with these schemas), its OpenAPI document and the typed client.
 */
export interface RouteDefinition<
  Params extends z.ZodObject = z.ZodObject,
  Query extends z.ZodObject = z.ZodObject,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Response extends z.ZodType = z.ZodType,
  Answer extends RouteAnswer = RouteAnswer,
> {
  readonly method: 'get' | 'post';
  /** OpenAPI path template, e.g. `/api/tables/{database}/{table}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
  readonly response: Response;
  readonly answer: Answer;
  /** Error statuses the route answers besides the common ones (400, 500, 503), with what they mean. */
  readonly errors?: Readonly<Partial<Record<'404' | '501' | '502' | '504', string>>>;
  /**
   * Set when the route has no backend on the aws profile: what to use on AWS instead. There the API answers
   * 501 with kind `local-only` and this text (the OpenAPI document declares it; the web apps show it).
   */
  readonly localOnly?: string;
}

/** A route definition with its generic types kept (so the client infers inputs and outputs). */
export function defineRoute<
  Params extends z.ZodObject,
  Query extends z.ZodObject,
  Body extends z.ZodType | undefined,
  Response extends z.ZodType,
  Answer extends RouteAnswer,
>(
  route: RouteDefinition<Params, Query, Body, Response, Answer>,
): RouteDefinition<Params, Query, Body, Response, Answer> {
  return route;
}
