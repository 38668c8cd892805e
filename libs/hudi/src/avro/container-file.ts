import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { HudiError } from '../hudi-error';
import { decodeDatum, AvroReader } from './avro-decoder';
import { AvroWriter, encodeDatum } from './avro-encoder';
import { type AvroSchema, AvroNames } from './avro-schema';

const MAGIC = Buffer.from([0x4f, 0x62, 0x6a, 0x01]);

/**
 * Writes an Avro object container file (null codec, one block), the form Hudi uses for
 * timeline instants such as `.clean.requested` or `.rollback`.
 */
export function writeAvroContainer(schema: AvroSchema, records: unknown[]): Buffer {
  const w = new AvroWriter();
  w.raw(MAGIC);
  w.long(1);
  w.string('avro.schema');
  w.bytes(Buffer.from(JSON.stringify(schema), 'utf8'));
  w.long(0);
  const sync = randomBytes(16);
  w.raw(sync);
  if (records.length > 0) {
    const block = new AvroWriter();
    const names = new AvroNames(schema);
    for (const record of records) encodeDatum(block, schema, record, names);
    const body = block.toBuffer();
    w.long(records.length);
    w.bytes(body);
    w.raw(sync);
  }
  return w.toBuffer();
}

/** Reads every record of an Avro object container file (null or deflate codec) with its writer schema. */
export function readAvroContainer(data: Buffer, what: string): { schema: AvroSchema; records: unknown[] } {
  if (data.length < 4 || !data.subarray(0, 4).equals(MAGIC)) {
    throw new HudiError('corrupt-timeline', `${what} is not an Avro container file; remove or repair it.`);
  }
  const r = new AvroReader(data);
  r.pos = 4;
  const meta = new Map<string, Buffer>();
  for (let n = r.long(); n !== 0; n = r.long()) {
    if (n < 0) {
      n = -n;
      r.long();
    }
    for (let i = 0; i < n; i++) meta.set(r.string(), Buffer.from(r.bytes()));
  }
  const schemaText = meta.get('avro.schema');
  if (!schemaText) throw new HudiError('corrupt-timeline', `${what} has no avro.schema in its header.`);
  const schema = JSON.parse(schemaText.toString('utf8')) as AvroSchema;
  const codec = meta.get('avro.codec')?.toString('utf8') ?? 'null';
  if (codec !== 'null' && codec !== 'deflate') {
    throw new HudiError('corrupt-timeline', `${what} uses Avro codec ${codec}; only null and deflate are supported.`);
  }
  const sync = r.raw(16);
  const records: unknown[] = [];
  const names = new AvroNames(schema);
  while (r.pos < data.length) {
    const count = r.long();
    const raw = r.bytes();
    const body = codec === 'deflate' ? inflateRawSync(raw) : Buffer.from(raw);
    const block = new AvroReader(body);
    for (let i = 0; i < count; i++) records.push(decodeDatum(block, schema, names));
    if (!r.raw(16).equals(sync)) throw new HudiError('corrupt-timeline', `${what} has a broken Avro block marker.`);
  }
  return { schema, records };
}
