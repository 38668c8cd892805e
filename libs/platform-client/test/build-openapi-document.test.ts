import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTES } from '../src/contract/routes';
import { buildOpenApiDocument } from '../src/openapi/build-openapi-document';

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument();

  it('is OpenAPI 3.1 with one operation per route, named by its key', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => [op.operationId, `${method} ${path}`]),
    );
    expect(Object.fromEntries(operations)).toEqual(
      Object.fromEntries(Object.entries(ROUTES).map(([id, r]) => [id, `${r.method} ${r.path}`])),
    );
  });

  it('declares each path and query parameter from the route schemas: path ones required, defaulted ones not', () => {
    const op = document.paths['/api/curated/{table}/preview']?.get;
    expect(op?.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['table', 'path', true],
      ['asOf', 'query', false],
      ['since', 'query', false],
      ['until', 'query', false],
      ['limit', 'query', false],
    ]);
    expect(op?.parameters[4]?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000, default: 50 });
  });

  it('describes the answers with JSON Schema 2020-12 from the response schemas, CSV where a route offers it', () => {
    const runs = document.paths['/api/etl/runs']?.get?.responses['200']?.content['application/json']?.schema;
    expect(runs).toEqual(
      (({ $schema: _, ...rest }) => rest)(
        z.toJSONSchema(ROUTES.etlRuns.response, { io: 'output' }) as Record<string, unknown>,
      ),
    );
    expect(Object.keys(document.paths['/api/sql']?.post?.responses['200']?.content ?? {})).toEqual([
      'application/json',
      'text/csv',
    ]);
    expect(document.paths['/api/sql']?.post?.requestBody?.content['application/json']?.schema).toMatchObject({
      required: ['sql'],
      additionalProperties: false,
    });
    expect(document.paths['/api/events']?.get?.responses['200']?.content['text/event-stream']).toBeDefined();
    expect(document.paths['/api/sql']?.post?.responses['504']).toBeDefined();
    expect(document.components.schemas['ApiError']).toMatchObject({ required: ['error'] });
  });
});
