/** CRC-32 (IEEE), as java.util.zip.CRC32. */
const table = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = (table[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * `hoodie.table.checksum`: CRC-32 of `"<database>.<table>"` (HoodieTableConfig.generateChecksum,
 * TABLE_CHECKSUM_FORMAT "%s.%s", database empty when `hoodie.database.name` is unset).
 */
export function tableChecksum(databaseName: string | undefined, tableName: string): number {
  return crc32(Buffer.from(`${databaseName ?? ''}.${tableName}`, 'utf8'));
}
