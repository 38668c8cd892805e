/** A JSON Avro schema, as parsed from an `.avsc` or an Avro file header. */
export type AvroSchema =
  | string
  | AvroSchema[]
  | {
      type: string;
      name?: string;
      namespace?: string;
      fields?: { name: string; type: AvroSchema; default?: unknown }[];
      items?: AvroSchema;
      values?: AvroSchema;
      symbols?: string[];
      size?: number;
      [extra: string]: unknown;
    };

/** Named types (records, enums, fixed) of a schema by full and short name, so later references resolve. */
export class AvroNames {
  private readonly byName = new Map<string, AvroSchema>();

  /** Registers every named type of `root` up front, so a name used before its definition is reached still resolves. */
  constructor(root?: AvroSchema) {
    if (root !== undefined) this.walk(root, undefined);
  }

  private walk(schema: AvroSchema, namespace: string | undefined): void {
    if (typeof schema === 'string') return;
    if (Array.isArray(schema)) {
      for (const branch of schema) this.walk(branch, namespace);
      return;
    }
    this.resolve(schema, namespace);
    const inner = this.namespaceOf(schema, namespace);
    for (const field of schema.fields ?? []) this.walk(field.type, inner);
    if (schema.items !== undefined) this.walk(schema.items, inner);
    if (schema.values !== undefined) this.walk(schema.values, inner);
  }

  resolve(schema: AvroSchema, namespace?: string): AvroSchema {
    if (typeof schema === 'string') {
      const found = this.byName.get(schema) ?? (namespace ? this.byName.get(`${namespace}.${schema}`) : undefined);
      return found ?? schema;
    }
    if (!Array.isArray(schema) && schema.name && ['record', 'enum', 'fixed', 'error'].includes(schema.type)) {
      const ns = schema.name.includes('.')
        ? schema.name.slice(0, schema.name.lastIndexOf('.'))
        : (schema.namespace ?? namespace);
      const short = schema.name.includes('.') ? schema.name.slice(schema.name.lastIndexOf('.') + 1) : schema.name;
      this.byName.set(short, schema);
      if (ns) this.byName.set(`${ns}.${short}`, schema);
    }
    return schema;
  }

  namespaceOf(schema: AvroSchema, outer?: string): string | undefined {
    if (typeof schema === 'string' || Array.isArray(schema)) return outer;
    if (schema.name?.includes('.')) return schema.name.slice(0, schema.name.lastIndexOf('.'));
    return schema.namespace ?? outer;
  }
}

export function typeName(schema: AvroSchema): string {
  if (typeof schema === 'string') return schema;
  if (Array.isArray(schema)) return 'union';
  return schema.type;
}
