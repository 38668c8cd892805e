import { HudiError } from '../hudi-error';
import type { AvroNames } from './avro-schema';
import { type AvroSchema, typeName } from './avro-schema';

/** Cursor over Avro binary data. */
export class AvroReader {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  long(): number {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length)
        throw new HudiError('corrupt-timeline', 'Avro data ends inside a number; the file is truncated.');
      const byte = this.buf[this.pos++] as number;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7n;
    }
    const value = result & 1n ? -(result >> 1n) - 1n : result >> 1n;
    return Number(value);
  }

  raw(length: number): Buffer {
    if (this.pos + length > this.buf.length)
      throw new HudiError('corrupt-timeline', 'Avro data ends inside a value; the file is truncated.');
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  bytes(): Buffer {
    return this.raw(this.long());
  }

  string(): string {
    return this.bytes().toString('utf8');
  }
}

/** Decodes one datum written with `schema` (the writer schema from the file header). */
export function decodeDatum(r: AvroReader, schema: AvroSchema, names: AvroNames, ns?: string): unknown {
  const s = names.resolve(schema, ns);
  if (Array.isArray(s)) {
    const branch = s[r.long()];
    if (branch === undefined)
      throw new HudiError('corrupt-timeline', 'Avro union index is out of range; the file does not match its schema.');
    return decodeDatum(r, branch, names, ns);
  }
  const kind = typeName(s);
  switch (kind) {
    case 'null':
      return null;
    case 'boolean':
      return r.raw(1)[0] === 1;
    case 'int':
    case 'long':
      return r.long();
    case 'float':
      return r.raw(4).readFloatLE(0);
    case 'double':
      return r.raw(8).readDoubleLE(0);
    case 'string':
      return r.string();
    case 'bytes':
      return Buffer.from(r.bytes());
    case 'fixed':
      return Buffer.from(r.raw((s as { size: number }).size));
    case 'enum':
      return (s as { symbols: string[] }).symbols[r.long()];
    case 'array': {
      const out: unknown[] = [];
      for (let n = r.long(); n !== 0; n = r.long()) {
        if (n < 0) {
          n = -n;
          r.long();
        }
        for (let i = 0; i < n; i++) out.push(decodeDatum(r, (s as { items: AvroSchema }).items, names, ns));
      }
      return out;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (let n = r.long(); n !== 0; n = r.long()) {
        if (n < 0) {
          n = -n;
          r.long();
        }
        for (let i = 0; i < n; i++) {
          const key = r.string();
          out[key] = decodeDatum(r, (s as { values: AvroSchema }).values, names, ns);
        }
      }
      return out;
    }
    case 'record': {
      const out: Record<string, unknown> = {};
      const inner = names.namespaceOf(s, ns);
      for (const field of (s as { fields: { name: string; type: AvroSchema }[] }).fields) {
        out[field.name] = decodeDatum(r, field.type, names, inner);
      }
      return out;
    }
    default:
      throw new HudiError('corrupt-timeline', `Avro type ${kind} is not supported by the decoder.`);
  }
}
