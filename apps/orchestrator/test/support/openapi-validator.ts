import type { OpenApiDocument } from '@autocorp/platform-client';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** Checks answers against the JSON Schemas of a served OpenAPI 3.1 document (JSON Schema 2020-12). */
export class OpenApiValidator {
  private readonly ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    // The formats the contract uses (zod writes `format` for them).
    formats: { uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i },
  });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {}

  /** The operation of `operationId` with its method and path. */
  operation(operationId: string) {
    for (const [path, methods] of Object.entries(this.document.paths))
      for (const [method, operation] of Object.entries(methods))
        if (operation.operationId === operationId) return { path, method, operation };
    throw new Error(`the document has no operation "${operationId}"`);
  }

  /** Problems of `body` against the document's schema of `operationId`'s `status` answer (empty when it conforms). */
  problems(
    operationId: string,
    status: '200' | '400' | '404' | '501' | '502' | '503' | '504',
    body: unknown,
    mediaType = 'application/json',
  ): string[] {
    const key = `${operationId} ${status} ${mediaType}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      const response = this.operation(operationId).operation.responses[status];
      let schema = response?.content[mediaType]?.schema;
      if (!schema) throw new Error(`${operationId} declares no ${mediaType} answer for ${status}`);
      if (schema['$ref'] === '#/components/schemas/ApiError') schema = this.document.components.schemas['ApiError'];
      validate = this.ajv.compile(schema as object);
      this.compiled.set(key, validate);
    }
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  }
}
