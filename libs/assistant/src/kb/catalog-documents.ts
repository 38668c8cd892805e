import { JOBS } from '@autocorp/etl-jobs';
import { NAMED_QUERIES } from '@autocorp/query';
import { type KnowledgeDocument, documentId } from './knowledge-document';

/**
 * The documents that describe the lake itself: one per curated table and per column (from the job
 * definitions of libs/etl-jobs), one per named query (its description and parameters).
 */
export function catalogDocuments(commits: ReadonlyMap<string, string | null>): KnowledgeDocument[] {
  const documents: KnowledgeDocument[] = [];
  for (const job of JOBS) {
    const table = job.hudi.tableName;
    const commit = commits.get(table) ?? null;
    documents.push({
      id: documentId.table(table),
      kind: 'table',
      title: `Table ${table}`,
      text: `${table}: ${job.description} Columns: ${job.columns.map((c) => c.name).join(', ')}. Key: ${job.hudi.recordKeyFields.join(', ')}.`,
      table,
      key: table,
      commit,
      fields: { description: job.description, columns: job.columns.length, layer: job.layer },
    });
    for (const column of job.columns) {
      documents.push({
        id: documentId.column(table, column.name),
        kind: 'column',
        title: `${table}.${column.name}`,
        text: `${table}.${column.name} (${column.type}${column.nullable ? ', may be null' : ''}): ${column.description}`,
        table,
        key: `${table}.${column.name}`,
        commit,
        fields: { type: column.type, description: column.description },
      });
    }
  }
  for (const query of NAMED_QUERIES) {
    const parameters = query.parameters.map((p) => `${p.name} (${p.type}): ${p.description}`).join('; ');
    documents.push({
      id: documentId.namedQuery(query.name),
      kind: 'named-query',
      title: `Named query ${query.name}`,
      text: `${query.name}: ${query.description} Reads ${query.tables.join(', ')}. Parameters: ${parameters || 'none'}.`,
      table: null,
      key: query.name,
      commit: null,
      fields: { description: query.description, tables: query.tables.join(',') },
    });
  }
  return documents;
}
