import path from 'node:path';
import { withDuckDb } from '@autocorp/duckdb';
import { HudiTable } from '@autocorp/hudi';

/**
 * Runs the test's own SQL over curated Hudi tables read straight from the lake's files (each table a
 * view over its snapshot), never through the API or the assistant.
 */
export async function curatedSql(
  lakeRoot: string,
  tables: readonly string[],
  sql: string,
): Promise<Record<string, unknown>[]> {
  const views: string[] = [];
  for (const table of tables) {
    const hudi = await HudiTable.open(path.join(lakeRoot, 'curated', table));
    views.push(`CREATE VIEW "${table}" AS ${await hudi.sql({ type: 'snapshot' })}`);
  }
  return withDuckDb({ threads: 1 }, async (c) => {
    for (const view of views) await c.run(view);
    return (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  });
}

/** The month (YYYY-MM-DD from, to excluded) that "this month" means: the latest month with orders. */
export async function latestOrderMonth(lakeRoot: string): Promise<{ from: string; to: string }> {
  const [row] = await curatedSql(
    lakeRoot,
    ['sales_order'],
    `SELECT strftime(date_trunc('month', max(order_date)), '%Y-%m-%d') AS "from",
            strftime(date_trunc('month', max(order_date)) + INTERVAL 1 MONTH, '%Y-%m-%d') AS "to" FROM sales_order`,
  );
  return { from: String(row?.['from']), to: String(row?.['to']) };
}
