import type { ResultTable } from '../../../contract/answer';
import { documentId } from '../../../kb/knowledge-document';
import { DESCRIBE_CATALOG } from '../../../tools/catalog-tool';
import { RUN_NAMED_QUERY } from '../../../tools/named-query-tool';
import { GET_SERVICE_WITH_PARTS } from '../../../tools/service-parts-tool';
import { partsQuery, servicesUsingQuery } from '../analytics-queries';
import { count, money, prose } from '../format';
import { type AnswerContext, type Draft, rowsOf, runQuery } from './answer-context';

/** At most this many services are looked up for one question ("an oil change" names five). */
const MAX_SERVICES = 6;

/** The parts each named service requires, one table for all of them. */
export async function serviceParts(ctx: AnswerContext, withInfo: boolean): Promise<Draft> {
  const ids = ctx.resolved.entities.services.slice(0, MAX_SERVICES);
  const columns = [
    { name: 'service', type: 'varchar' },
    { name: 'sku', type: 'varchar' },
    { name: 'part', type: 'varchar' },
    { name: 'quantity', type: 'integer' },
    { name: 'unit_price', type: 'decimal(12,2)' },
    { name: 'line_cost', type: 'decimal(12,2)' },
  ];
  const rows: (string | number | null)[][] = [];
  const paragraphs: string[] = [];
  const intro =
    ids.length > 1
      ? `${ids.length} services match: ${prose(ids.map((id) => ctx.lexicon.services.find((s) => s.id === id)?.name ?? id))}.\n`
      : '';
  ctx.text.say(intro);
  for (const serviceid of ids) {
    const result = await ctx.session.call(GET_SERVICE_WITH_PARTS, { service: serviceid });
    const parts = rowsOf(result);
    const content = result.content as { service: Record<string, string | number | null> };
    const name = String(content.service['service']);
    const partsCost = parts.reduce((sum, p) => sum + Number(p['line_cost'] ?? 0), 0);
    for (const p of parts)
      rows.push([
        name,
        String(p['sku']),
        String(p['part_description']),
        Number(p['quantity']),
        String(p['unit_price']),
        String(p['line_cost']),
      ]);
    const list = parts.map((p) => `${count(p['quantity'])} x ${String(p['part_description'])} (${String(p['sku'])})`);
    const info = withInfo
      ? ` It takes ${count(content.service['labor_minutes'])} minutes of labor (labor cost ${money(content.service['labor_cost'])}).`
      : '';
    const paragraph = `${name} (${serviceid}) requires ${parts.length} parts, ${money(partsCost)} at list price: ${list.join('; ')}.${info}`;
    ctx.text.say(`${paragraphs.length > 0 ? '\n' : ''}${paragraph}`);
    paragraphs.push(paragraph);
  }
  const table: ResultTable = { columns, rows };
  return { text: intro + paragraphs.join('\n'), table };
}

/** Labor time and cost of the named services (and their parts cost). */
export async function serviceInfo(ctx: AnswerContext): Promise<Draft> {
  return serviceParts(ctx, true);
}

/** The service needing the most (or fewest) distinct parts, from named query service_complexity. */
export async function serviceComplexity(ctx: AnswerContext): Promise<Draft> {
  const fewest = /\b(fewest|least)\b/i.test(ctx.question);
  const result = await ctx.session.call(RUN_NAMED_QUERY, {
    name: 'service_complexity',
    parameters: { limit: 100_000 },
  });
  const rows = rowsOf(result);
  const limit = ctx.resolved.limit ?? 5;
  const ordered = fewest ? [...rows].reverse() : rows;
  const extreme = Number(ordered[0]?.['parts_count'] ?? 0);
  const tied = ordered.filter((r) => Number(r['parts_count']) === extreme);
  const shown = ordered.slice(0, Math.max(limit, tied.length));
  const names = tied.map((r) => `${String(r['service'])} (${String(r['serviceid'])})`);
  const text = `${prose(names)} ${tied.length > 1 ? 'need' : 'needs'} the ${fewest ? 'fewest' : 'most'} parts: ${count(extreme)} distinct parts (parts cost ${prose(tied.map((r) => money(r['parts_cost'])))} at list price).`;
  const table: ResultTable = {
    columns: result.table?.columns ?? [],
    rows: shown.map((r) => (result.table?.columns ?? []).map((c) => r[c.name] ?? null)),
  };
  return { text, table, chart: { kind: 'bar', x: 'service', y: 'parts_count', title: 'Distinct parts per service' } };
}

/** Price, maker and stock of the named parts. */
export async function partInfo(ctx: AnswerContext): Promise<Draft> {
  const skus = ctx.resolved.entities.parts.slice(0, 20);
  const result = await runQuery(ctx, partsQuery(skus));
  for (const sku of skus) {
    const doc = documentId.part(sku);
    const entry = ctx.lexicon.parts.find((p) => p.id === sku);
    if (entry) ctx.session.cite({ kind: 'document', id: doc, title: entry.name });
  }
  const rows = rowsOf(result);
  const lines = rows.map(
    (r) =>
      `${String(r['description'])} (${String(r['sku'])}) by ${String(r['manufacturer'])}: list price ${money(r['price'])}, ${count(r['stock_quantity'])} in stock.`,
  );
  return { text: lines.join('\n'), ...(result.table ? { table: result.table } : {}) };
}

/** The curated tables (or one table's columns) and the named queries. */
export async function catalog(ctx: AnswerContext): Promise<Draft> {
  const named = ctx.lexicon.tables.find((t) => new RegExp(`\\b${t}\\b`, 'i').test(ctx.question));
  const result = await ctx.session.call(DESCRIBE_CATALOG, named ? { table: named } : {});
  if (named) {
    const content = result.content as {
      description: string;
      columns: { name: string; type: string; description: string }[];
    };
    return {
      text: `${named}: ${content.description} It has ${content.columns.length} columns: ${content.columns.map((c) => `${c.name} (${c.type})`).join(', ')}.`,
      table: {
        columns: [
          { name: 'column', type: 'varchar' },
          { name: 'type', type: 'varchar' },
          { name: 'description', type: 'varchar' },
        ],
        rows: content.columns.map((c) => [c.name, c.type, c.description]),
      },
    };
  }
  const content = result.content as {
    tables: { table: string; description: string }[];
    namedQueries: { name: string; description: string }[];
  };
  return {
    text: `The catalog has ${content.tables.length} curated tables: ${content.tables.map((t) => `${t.table} (${t.description})`).join('; ')}.\nNamed queries: ${content.namedQueries.map((q) => q.name).join(', ')}.`,
    table: {
      columns: [
        { name: 'table', type: 'varchar' },
        { name: 'description', type: 'varchar' },
      ],
      rows: content.tables.map((t) => [t.table, t.description]),
    },
  };
}

/** The services that require the named parts. */
export async function partServices(ctx: AnswerContext): Promise<Draft> {
  const skus = ctx.resolved.entities.parts.slice(0, 20);
  const result = await runQuery(ctx, servicesUsingQuery(skus));
  const rows = rowsOf(result);
  const names = skus.map((sku) => ctx.lexicon.parts.find((p) => p.id === sku)?.name ?? sku);
  if (rows.length === 0)
    return { text: `No service requires ${prose(names)}.`, ...(result.table ? { table: result.table } : {}) };
  const lines = rows.map(
    (r) => `${String(r['service'])} (${String(r['serviceid'])}) uses ${count(r['quantity'])} x ${String(r['sku'])}`,
  );
  const services = new Set(rows.map((r) => String(r['serviceid'])));
  return {
    text: `${services.size} ${services.size === 1 ? 'service requires' : 'services require'} ${prose(names)}:\n${lines.join('\n')}`,
    ...(result.table ? { table: result.table } : {}),
  };
}
