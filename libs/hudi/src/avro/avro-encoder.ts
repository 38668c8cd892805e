import { HudiError } from '../hudi-error';
import type { AvroNames } from './avro-schema';
import { type AvroSchema, typeName } from './avro-schema';

/** Growable byte buffer with Avro's zig-zag varint encoding. */
export class AvroWriter {
  private buf = Buffer.alloc(1024);
  private pos = 0;

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  long(value: number | bigint): void {
    let n = BigInt(value);
    n = n >= 0n ? n << 1n : (-n << 1n) - 1n;
    this.ensure(10);
    do {
      let byte = Number(n & 0x7fn);
      n >>= 7n;
      if (n > 0n) byte |= 0x80;
      this.buf[this.pos++] = byte;
    } while (n > 0n);
  }

  bytes(data: Uint8Array): void {
    this.long(data.length);
    this.raw(data);
  }

  raw(data: Uint8Array): void {
    this.ensure(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  string(text: string): void {
    this.bytes(Buffer.from(text, 'utf8'));
  }

  double(value: number): void {
    this.ensure(8);
    this.buf.writeDoubleLE(value, this.pos);
    this.pos += 8;
  }

  float(value: number): void {
    this.ensure(4);
    this.buf.writeFloatLE(value, this.pos);
    this.pos += 4;
  }

  boolean(value: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = value ? 1 : 0;
  }

  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.pos));
  }
}

function fail(path: string, expected: string, value: unknown): never {
  throw new HudiError(
    'invalid-record',
    `Avro value at ${path} should be ${expected} but is ${JSON.stringify(value)}; fix the value passed to the Avro encoder.`,
  );
}

function matches(schema: AvroSchema, value: unknown, names: AvroNames, ns?: string): boolean {
  const s = names.resolve(schema, ns);
  switch (typeName(s)) {
    case 'null':
      return value === null || value === undefined;
    case 'boolean':
      return typeof value === 'boolean';
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return typeof value === 'number' || typeof value === 'bigint';
    case 'string':
    case 'enum':
      return typeof value === 'string';
    case 'bytes':
    case 'fixed':
      return value instanceof Uint8Array;
    case 'array':
      return Array.isArray(value);
    case 'map':
    case 'record':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
    default:
      return false;
  }
}

/** Encodes one datum in Avro binary form following the writer schema. */
export function encodeDatum(
  w: AvroWriter,
  schema: AvroSchema,
  value: unknown,
  names: AvroNames,
  ns?: string,
  path = '$',
): void {
  const s = names.resolve(schema, ns);
  if (Array.isArray(s)) {
    const index = s.findIndex((branch) => matches(branch, value, names, ns));
    if (index < 0) fail(path, `one of ${JSON.stringify(s.map(typeName))}`, value);
    w.long(index);
    encodeDatum(w, s[index] as AvroSchema, value, names, ns, path);
    return;
  }
  const kind = typeName(s);
  switch (kind) {
    case 'null':
      return;
    case 'boolean':
      return w.boolean(value as boolean);
    case 'int':
    case 'long':
      return w.long(value as number);
    case 'float':
      return w.float(value as number);
    case 'double':
      return w.double(value as number);
    case 'string':
      if (typeof value !== 'string') fail(path, 'a string', value);
      return w.string(value);
    case 'bytes':
      return w.bytes(value as Uint8Array);
    case 'fixed':
      return w.raw(value as Uint8Array);
    case 'enum': {
      const symbols = (s as { symbols: string[] }).symbols;
      const index = symbols.indexOf(value as string);
      if (index < 0) fail(path, `one of ${symbols.join(', ')}`, value);
      return w.long(index);
    }
    case 'array': {
      const items = value as unknown[];
      if (!Array.isArray(items)) fail(path, 'an array', value);
      if (items.length > 0) {
        w.long(items.length);
        items.forEach((item, i) =>
          encodeDatum(w, (s as { items: AvroSchema }).items, item, names, ns, `${path}[${i}]`),
        );
      }
      w.long(0);
      return;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length > 0) {
        w.long(entries.length);
        for (const [key, item] of entries) {
          w.string(key);
          encodeDatum(w, (s as { values: AvroSchema }).values, item, names, ns, `${path}.${key}`);
        }
      }
      w.long(0);
      return;
    }
    case 'record': {
      const record = value as Record<string, unknown>;
      const inner = names.namespaceOf(s, ns);
      for (const field of (s as { fields: { name: string; type: AvroSchema; default?: unknown }[] }).fields) {
        const fieldValue = field.name in record ? record[field.name] : field.default;
        encodeDatum(w, field.type, fieldValue ?? null, names, inner, `${path}.${field.name}`);
      }
      return;
    }
    default:
      throw new HudiError(
        'invalid-record',
        `Avro type ${kind} at ${path} is not supported by the encoder; use a schema with records, unions, arrays, maps and primitives.`,
      );
  }
}
