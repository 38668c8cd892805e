import type { ResultRow } from '@autocorp/query';
import { type KnowledgeDocument, documentId } from './knowledge-document';

/** The curated rows the data documents are made from (each table read whole; they are small). */
export interface CatalogRows {
  readonly parts: readonly ResultRow[];
  readonly services: readonly ResultRow[];
  readonly serviceParts: readonly ResultRow[];
  /** Distinct values of the order and customer columns a question can name, with how often each occurs. */
  readonly values: readonly ResultRow[];
}

/** The commit instant of each table the documents come from. */
export type TableCommits = ReadonlyMap<string, string | null>;

const str = (row: ResultRow, column: string): string => String(row[column] ?? '');
const num = (row: ResultRow, column: string): number => Number(row[column] ?? 0);

function partDocument(row: ResultRow, commits: TableCommits): KnowledgeDocument {
  const sku = str(row, 'sku');
  const description = str(row, 'description');
  return {
    id: documentId.part(sku),
    kind: 'part',
    title: description,
    text: `${description} (part ${sku}), category ${str(row, 'category')}, made by ${str(row, 'manufacturer')}, list price $${str(row, 'price')}, ${num(row, 'stock_quantity')} in stock.`,
    table: 'auto_parts',
    key: sku,
    commit: commits.get('auto_parts') ?? null,
    fields: {
      sku,
      description,
      category: str(row, 'category'),
      manufacturer: str(row, 'manufacturer'),
      price: str(row, 'price'),
      stock_quantity: num(row, 'stock_quantity'),
    },
  };
}

function serviceDocument(row: ResultRow, partNames: readonly string[], commits: TableCommits): KnowledgeDocument {
  const serviceid = str(row, 'serviceid');
  const name = str(row, 'service');
  const commit = [commits.get('service'), commits.get('service_parts')].filter(Boolean).sort().pop() ?? null;
  return {
    id: documentId.service(serviceid),
    kind: 'service',
    title: name,
    text: `${name} (service ${serviceid}), category ${str(row, 'category')}: ${num(row, 'labor_minutes')} minutes of labor at $${str(row, 'labor_rate')} an hour, labor cost $${str(row, 'labor_cost')}. Uses ${partNames.length} parts: ${partNames.join('; ')}.`,
    table: 'service',
    key: serviceid,
    commit,
    fields: {
      serviceid,
      service: name,
      category: str(row, 'category'),
      labor_minutes: num(row, 'labor_minutes'),
      labor_rate: str(row, 'labor_rate'),
      labor_cost: str(row, 'labor_cost'),
      parts_count: partNames.length,
    },
  };
}

function servicePartDocument(
  row: ResultRow,
  service: ResultRow | undefined,
  part: ResultRow | undefined,
  commits: TableCommits,
): KnowledgeDocument {
  const serviceid = str(row, 'serviceid');
  const sku = str(row, 'sku');
  const serviceName = service ? str(service, 'service') : serviceid;
  const partName = part ? str(part, 'description') : sku;
  return {
    id: documentId.servicePart(serviceid, sku),
    kind: 'service-part',
    title: `${serviceName}: ${partName}`,
    text: `${serviceName} (${serviceid}) requires ${num(row, 'quantity')} x ${partName} (${sku}).`,
    table: 'service_parts',
    key: `${serviceid}/${sku}`,
    commit: commits.get('service_parts') ?? null,
    fields: { serviceid, sku, quantity: num(row, 'quantity'), service: serviceName, part: partName },
  };
}

function valueDocument(row: ResultRow, commits: TableCommits): KnowledgeDocument {
  const column = str(row, 'column_name');
  const value = str(row, 'value');
  const table = str(row, 'table_name');
  return {
    id: documentId.value(column, value),
    kind: 'value',
    title: `${column} ${value}`,
    text: `${value}: a ${column.replace(/_/g, ' ')} in ${table} (${num(row, 'occurrences')} rows).`,
    table,
    key: `${column}=${value}`,
    commit: commits.get(table) ?? null,
    fields: { column, value, occurrences: num(row, 'occurrences') },
  };
}

/** One document per part, per service (with its parts named), per service-parts mapping and per column value. */
export function dataDocuments(rows: CatalogRows, commits: TableCommits): KnowledgeDocument[] {
  const partsBySku = new Map(rows.parts.map((p) => [str(p, 'sku'), p]));
  const servicesById = new Map(rows.services.map((s) => [str(s, 'serviceid'), s]));
  const partNamesByService = new Map<string, string[]>();
  for (const mapping of rows.serviceParts) {
    const part = partsBySku.get(str(mapping, 'sku'));
    const names = partNamesByService.get(str(mapping, 'serviceid')) ?? [];
    names.push(`${num(mapping, 'quantity')} x ${part ? str(part, 'description') : str(mapping, 'sku')}`);
    partNamesByService.set(str(mapping, 'serviceid'), names);
  }
  return [
    ...rows.parts.map((p) => partDocument(p, commits)),
    ...rows.services.map((s) => serviceDocument(s, partNamesByService.get(str(s, 'serviceid')) ?? [], commits)),
    ...rows.serviceParts.map((m) =>
      servicePartDocument(m, servicesById.get(str(m, 'serviceid')), partsBySku.get(str(m, 'sku')), commits),
    ),
    ...rows.values.map((v) => valueDocument(v, commits)),
  ];
}
