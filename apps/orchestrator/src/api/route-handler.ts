import type { RouteDefinition, Routes } from '@autocorp/platform-client';
import type { Context } from 'hono';
import type { z } from 'zod';

/** A route's request after validation. */
export interface HandlerInput<R extends RouteDefinition> {
  readonly params: z.output<R['params']>;
  readonly query: z.output<R['query']>;
  readonly body: R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
  /** Aborted when the client goes away. */
  readonly signal: AbortSignal;
}

/** Rows answered as CSV (`format=csv`) instead of the route's JSON. */
export interface CsvAnswer {
  readonly kind: 'csv';
  readonly filename: string;
  readonly text: string;
}

export type JsonRouteName = {
  [K in keyof Routes]: Routes[K]['answer'] extends 'event-stream' ? never : K;
}[keyof Routes];

export type RouteHandler<R extends RouteDefinition> = (
  input: HandlerInput<R>,
) => Promise<z.input<R['response']> | CsvAnswer>;

/** One handler per JSON route of the contract. */
export type RouteHandlers = { readonly [K in JsonRouteName]: RouteHandler<Routes[K]> };

export function isCsvAnswer(value: unknown): value is CsvAnswer {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'csv' && 'text' in value;
}

export type StreamRouteName = Exclude<keyof Routes, JsonRouteName>;

/** One handler per streamed route (text/event-stream): it answers with the Response itself. */
export type StreamHandlers = {
  readonly [K in StreamRouteName]: (input: HandlerInput<Routes[K]>, c: Context) => Response | Promise<Response>;
};
