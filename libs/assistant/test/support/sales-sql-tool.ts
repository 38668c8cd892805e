import { DuckDb } from '@autocorp/duckdb';
import { checkReadOnlySql } from '@autocorp/query';
import type { AssistantTool, ResultTable, ToolResult } from '../../src/index';

export const SALES_TABLE = 'part_sales';

/** Rows of the test's sales table, computed (no randomness): sku, category, month, units, revenue. */
export function salesRows(): { sku: string; category: string; month: string; units: number; revenue: number }[] {
  const categories = ['Brakes', 'Engine Oil', 'Filters'];
  return Array.from({ length: 36 }, (_, i) => {
    const units = ((i * 7) % 13) + 1;
    return {
      sku: `SKU-${100 + (i % 12)}`,
      category: categories[i % 3] as string,
      month: `2025-0${1 + Math.floor(i / 12)}`,
      units,
      revenue: units * (10 + (i % 5)),
    };
  });
}

/**
 * A read-only SQL tool over a real in-memory DuckDB holding `part_sales`: statements go through libs/query's
 * read-only guard (only `part_sales`), results come back as a ResultTable capped at the context's row cap.
 */
export async function openSalesSqlTool(): Promise<{ tool: AssistantTool; close: () => void }> {
  const db = await DuckDb.open();
  const connection = await db.connect();
  await connection.run(
    `CREATE TABLE ${SALES_TABLE} (sku VARCHAR, category VARCHAR, month VARCHAR, units INTEGER, revenue INTEGER)`,
  );
  for (const r of salesRows())
    await connection.run(`INSERT INTO ${SALES_TABLE} VALUES ($1, $2, $3, $4, $5)`, [
      r.sku,
      r.category,
      r.month,
      r.units,
      r.revenue,
    ]);
  const tool: AssistantTool = {
    name: 'run_sql',
    description: `Runs one read-only SELECT over the table ${SALES_TABLE}(sku, category, month, units, revenue).`,
    inputSchema: { type: 'object', properties: { sql: { type: 'string' } }, required: ['sql'] },
    async run(input: unknown, ctx): Promise<ToolResult> {
      const sql = (input as { sql?: unknown } | null)?.sql;
      if (typeof sql !== 'string') throw new Error('run_sql needs {"sql": "SELECT ..."}');
      await checkReadOnlySql(connection, sql, { allowedTables: [SALES_TABLE] });
      const reader = await connection.runAndReadAll(sql);
      const rows = (reader.getRowObjectsJson() as Record<string, string | number | null>[]).slice(0, ctx.rowCap);
      const table: ResultTable = {
        columns: reader.columnNames().map((name, i) => ({ name, type: reader.columnType(i).toString().toLowerCase() })),
        rows: rows.map((row) => Object.values(row)),
      };
      return { content: { rows }, table, citations: [{ kind: 'table', table: SALES_TABLE, commit: null }], sql };
    },
  };
  return {
    tool,
    close: () => {
      connection.closeSync();
      db.close();
    },
  };
}
