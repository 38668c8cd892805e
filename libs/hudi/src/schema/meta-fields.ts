/** The five `_hoodie_*` columns every base file starts with, in this order. */
export const META_FIELDS = [
  '_hoodie_commit_time',
  '_hoodie_commit_seqno',
  '_hoodie_record_key',
  '_hoodie_partition_path',
  '_hoodie_file_name',
] as const;

export type MetaField = (typeof META_FIELDS)[number];

export function isMetaField(name: string): boolean {
  return (META_FIELDS as readonly string[]).includes(name);
}
