import { z } from 'zod';
import { ApiErrorSchema } from '../contract/api-error';
import type { RouteDefinition } from '../contract/route';
import { ROUTES } from '../contract/routes';

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly description?: string;
  readonly schema: JsonSchema;
}

export interface OpenApiOperation {
  readonly operationId: string;
  readonly tags: string[];
  readonly summary: string;
  readonly parameters: OpenApiParameter[];
  readonly requestBody?: { readonly required: true; readonly content: Record<string, { schema: JsonSchema }> };
  readonly responses: Record<string, { description: string; content: Record<string, { schema: JsonSchema }> }>;
}

const ERROR_REF = { $ref: '#/components/schemas/ApiError' };

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(object: z.ZodObject, where: 'path' | 'query'): OpenApiParameter[] {
  const list: OpenApiParameter[] = [];
  for (const [name, field] of Object.entries(object.shape as Record<string, z.ZodType>)) {
    const schema = jsonSchema(field, 'input');
    const description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
    const optional = field.safeParse(undefined).success;
    list.push({
      name,
      in: where,
      required: where === 'path' || !optional,
      ...(description !== undefined ? { description } : {}),
      schema,
    });
  }
  return list;
}

function responseContent(route: RouteDefinition): Record<string, { schema: JsonSchema }> {
  const schema = jsonSchema(route.response, 'output');
  if (route.answer === 'event-stream') return { 'text/event-stream': { schema } };
  if (route.answer === 'json-or-csv')
    return { 'application/json': { schema }, 'text/csv': { schema: { type: 'string' } } };
  return { 'application/json': { schema } };
}

function operation(id: string, route: RouteDefinition): OpenApiOperation {
  const errors = { description: 'Error', content: { 'application/json': { schema: ERROR_REF } } };
  return {
    operationId: id,
    tags: [route.tag],
    summary: route.summary,
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } },
        }
      : {}),
    responses: {
      '200': { description: route.summary, content: responseContent(route) },
      '400': { ...errors, description: 'Bad input: error.field names the parameter' },
      ...(Object.keys(route.params.shape).length > 0 ? { '404': { ...errors, description: 'Not found' } } : {}),
      ...('timeoutMs' in route.query.shape || (route.body instanceof z.ZodObject && 'timeoutMs' in route.body.shape)
        ? { '504': { ...errors, description: 'The query ran past timeoutMs and was cancelled' } }
        : {}),
      ...Object.fromEntries(
        Object.entries(route.errors ?? {}).map(([status, description]) => [status, { ...errors, description }]),
      ),
      ...(route.localOnly !== undefined
        ? { '501': { ...errors, description: `Local only (kind local-only, on the aws profile): ${route.localOnly}` } }
        : {}),
      '500': { ...errors, description: 'The API failed; error.message says what to do' },
      '503': { ...errors, description: 'What the route reads is not reachable (e.g. a remote lake)' },
    },
  };
}

/** The OpenAPI 3.1 document of the platform API, built from the route schemas in ROUTES. */
export function buildOpenApiDocument(
  routes: Readonly<Record<string, RouteDefinition>> = ROUTES,
  version = '0.1.0',
): OpenApiDocument {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const [id, route] of Object.entries(routes)) {
    (paths[route.path] ??= {})[route.method] = operation(id, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'AutoCorp Lakehouse platform API',
      version,
      description:
        'Read-only API over a running platform (autocorp up) or a lake (autocorp serve): status, CDC, ETL runs and quarantine, tables and Hudi timelines, queries with time travel, metrics history, live events, the assistant (chat).',
    },
    paths,
    components: { schemas: { ApiError: jsonSchema(ApiErrorSchema, 'output') } },
  };
}
