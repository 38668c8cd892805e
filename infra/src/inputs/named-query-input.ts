import { InfraError } from '../infra-error';

/** One Athena named query: produced from @autocorp/query's NAMED_QUERIES, never written by hand here. */
export interface NamedQueryInput {
  readonly name: string;
  readonly description: string;
  /** Athena (Trino) SQL over the catalog database. */
  readonly sql: string;
}

/** Throws InfraError `invalid-query` on duplicate or empty queries, or ones Athena would reject for size. */
export function checkNamedQueries(queries: readonly NamedQueryInput[]): readonly NamedQueryInput[] {
  const names = new Set<string>();
  for (const query of queries) {
    if (query.name.trim() === '' || query.name.length > 128)
      throw new InfraError('invalid-query', `Named query name "${query.name}" must be 1 to 128 characters.`);
    if (names.has(query.name))
      throw new InfraError('invalid-query', `Named query "${query.name}" is defined twice; names must be unique.`);
    names.add(query.name);
    if (query.sql.trim() === '')
      throw new InfraError('invalid-query', `Named query "${query.name}" has no SQL; render it from @autocorp/query.`);
    if (Buffer.byteLength(query.sql) > 262_144)
      throw new InfraError(
        'invalid-query',
        `Named query "${query.name}" is longer than Athena's 262144-byte limit; shorten it.`,
      );
    if (query.description.length > 1024)
      throw new InfraError(
        'invalid-query',
        `Named query "${query.name}" has a description over 1024 characters; shorten it.`,
      );
  }
  return queries;
}
