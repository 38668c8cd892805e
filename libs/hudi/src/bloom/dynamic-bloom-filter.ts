import { murmurHash } from './murmur-hash';

/** Hash type code of MurmurHash in Hudi's Hash class. */
const MURMUR_HASH = 1;
const FILTER_VERSION = -1;

/** Defaults of hoodie.index.bloom.num_entries / fpp / hoodie.bloom.index.filter.dynamic.max.entries. */
export const BLOOM_DEFAULTS = { numEntries: 60_000, errorRate: 0.000000001, maxEntries: 100_000 };

export const BLOOM_FILTER_FOOTER_KEY = 'org.apache.hudi.bloomfilter';
export const BLOOM_FILTER_TYPE_FOOTER_KEY = 'hoodie_bloom_filter_type_code';
export const BLOOM_FILTER_TYPE = 'DYNAMIC_V0';

/**
 * Hudi's DYNAMIC_V0 bloom filter (HoodieDynamicBloomFilter over InternalDynamicBloomFilter): rows of
 * Hadoop-style bloom filters with MurmurHash, serialised as Java DataOutput bytes in Base64 for the
 * `org.apache.hudi.bloomfilter` Parquet footer entry.
 */
export class DynamicBloomFilter {
  readonly vectorSize: number;
  readonly nbHash: number;
  private readonly nr: number;
  private readonly maxNr: number;
  private matrix: Uint8Array[];
  private currentNbRecord = 0;
  private reachedMax = false;
  private curMatrixIndex = 0;

  constructor(
    numEntries = BLOOM_DEFAULTS.numEntries,
    errorRate = BLOOM_DEFAULTS.errorRate,
    maxEntries = BLOOM_DEFAULTS.maxEntries,
  ) {
    this.vectorSize = Math.ceil(numEntries * (-Math.log(errorRate) / (Math.log(2) * Math.log(2))));
    this.nbHash = Math.ceil((Math.log(2) * this.vectorSize) / numEntries);
    this.nr = numEntries;
    this.maxNr = maxEntries;
    this.matrix = [this.newRow()];
  }

  private newRow(): Uint8Array {
    return new Uint8Array(Math.ceil(this.vectorSize / 8));
  }

  private keyBytes = new Uint8Array(256);
  private readonly encoder = new TextEncoder();
  private readonly bitPositions: number[] = [];

  /** Bit positions of a key (Hadoop HashFunction: chained MurmurHash seeds, abs of the remainder). */
  private positions(key: string): number[] {
    if (key.length * 3 > this.keyBytes.length) this.keyBytes = new Uint8Array(key.length * 3);
    const length = this.encoder.encodeInto(key, this.keyBytes).written;
    const out = this.bitPositions;
    out.length = this.nbHash;
    let initval = 0;
    for (let i = 0; i < this.nbHash; i++) {
      initval = murmurHash(this.keyBytes, initval, length);
      out[i] = Math.abs(initval % this.vectorSize);
    }
    return out;
  }

  private activeRow(): Uint8Array | undefined {
    if (this.reachedMax) return this.matrix[this.curMatrixIndex++ % this.matrix.length];
    if (this.currentNbRecord >= this.nr && this.matrix.length * this.nr < this.maxNr) return undefined;
    if (this.currentNbRecord >= this.nr) {
      this.reachedMax = true;
      return this.matrix[0];
    }
    return this.matrix[this.matrix.length - 1];
  }

  add(key: string): void {
    let row = this.activeRow();
    if (!row) {
      row = this.newRow();
      this.matrix.push(row);
      this.currentNbRecord = 0;
    }
    for (const bit of this.positions(key)) row[bit >> 3] = (row[bit >> 3] as number) | (1 << (bit & 7));
    this.currentNbRecord++;
  }

  mightContain(key: string): boolean {
    const bits = [...this.positions(key)];
    return this.matrix.some((row) => bits.every((bit) => ((row[bit >> 3] as number) & (1 << (bit & 7))) !== 0));
  }

  /** Base64 of the Java serialisation, the value of the `org.apache.hudi.bloomfilter` footer. */
  serialize(): string {
    const header = (): Buffer => {
      const b = Buffer.alloc(13);
      b.writeInt32BE(FILTER_VERSION, 0);
      b.writeInt32BE(this.nbHash, 4);
      b.writeInt8(MURMUR_HASH, 8);
      b.writeInt32BE(this.vectorSize, 9);
      return b;
    };
    const counts = Buffer.alloc(12);
    counts.writeInt32BE(this.nr, 0);
    counts.writeInt32BE(this.currentNbRecord, 4);
    counts.writeInt32BE(this.matrix.length, 8);
    const parts: Buffer[] = [header(), counts];
    for (const row of this.matrix) parts.push(header(), Buffer.from(row));
    return Buffer.concat(parts).toString('base64');
  }

  /** Reads a serialised DYNAMIC_V0 filter (as found in Hudi-written footers). */
  static deserialize(base64: string): DynamicBloomFilter {
    const data = Buffer.from(base64, 'base64');
    const filter = Object.create(DynamicBloomFilter.prototype) as DynamicBloomFilter;
    const mutable = filter as unknown as Record<string, unknown>;
    mutable['nbHash'] = data.readInt32BE(4);
    mutable['vectorSize'] = data.readInt32BE(9);
    mutable['nr'] = data.readInt32BE(13);
    mutable['currentNbRecord'] = data.readInt32BE(17);
    const rows = data.readInt32BE(21);
    const rowBytes = Math.ceil(filter.vectorSize / 8);
    const matrix: Uint8Array[] = [];
    let at = 25;
    for (let i = 0; i < rows; i++) {
      at += 13;
      matrix.push(new Uint8Array(data.subarray(at, at + rowBytes)));
      at += rowBytes;
    }
    mutable['matrix'] = matrix;
    mutable['maxNr'] = BLOOM_DEFAULTS.maxEntries;
    mutable['reachedMax'] = false;
    mutable['curMatrixIndex'] = 0;
    mutable['keyBytes'] = new Uint8Array(256);
    mutable['encoder'] = new TextEncoder();
    mutable['bitPositions'] = [];
    return filter;
  }
}
