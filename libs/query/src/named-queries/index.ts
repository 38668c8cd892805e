// The named queries and what runs and renders them; each concept in its own module.
export {
  NAMED_QUERIES,
  type NamedQueryRenderOptions,
  athenaNamedQueryString,
  buildNamedQuery,
  namedQueryByName,
  renderNamedQuery,
  resolveNamedQueryValues,
} from './named-query-registry';
export {
  type NamedQueryPeriod,
  type NamedQueryResult,
  type RunNamedQueryOptions,
  namedQueryPeriod,
  runNamedQuery,
} from './run-named-query';
export { CURATED_VALUE_KINDS, type CuratedDb, type CuratedTableName, type ValueKind } from './curated-db';
export { CURATED_QUERY_SCHEMA, curatedQuerySchema, glueTypeOf, valueKindOf } from './curated-schema';
export type {
  NamedQueryDefinition,
  NamedQueryParameter,
  NamedQueryParameterType,
  NamedQueryValues,
} from './named-query';
