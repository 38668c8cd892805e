import { describe, expect, it } from 'vitest';
import {
  CURATED_QUERY_SCHEMA,
  type CuratedDb,
  QueryError,
  athenaNamedQueryString,
  createQueryBuilder,
  renderNamedQuery,
  toDuckDbSql,
  toTrinoSql,
} from '../src/index';

const qb = createQueryBuilder<CuratedDb>(CURATED_QUERY_SCHEMA);
const INJECTION = "'); DROP TABLE x; --";

describe('query builder and dialects', () => {
  const revenueByState = () =>
    qb
      .selectFrom('sales_order', 'so')
      .innerJoin('customers', 'c', (e) => e.eq('c.customer_id', e.col('so.customer_id')))
      .select((e) => ({
        state: 'c.state',
        year: e.year('so.order_date'),
        orders: e.count(),
        revenue: e.sum('so.total_amount'),
      }))
      .where((e) =>
        e.and(
          e.gte('so.order_date', e.dateParam('2024-01-01')),
          e.lt('so.order_date', e.add(e.date('2024-01-01'), e.interval(3, 'month'))),
          e.in('so.payment_method', ['Card', 'Cash']),
          e.ne('c.state', INJECTION),
        ),
      )
      .groupBy((e) => ['c.state', e.year('so.order_date')])
      .having((e) => e.gt(e.sum('so.total_amount'), 100))
      .orderBy('revenue', 'desc')
      .limit(5);

  it('renders DuckDB SQL with $n parameters in every clause', () => {
    const compiled = toDuckDbSql(revenueByState());
    expect(compiled.sql).toBe(
      [
        'SELECT "c"."state" AS "state", year("so"."order_date") AS "year", count(*) AS "orders", sum("so"."total_amount") AS "revenue"',
        'FROM "sales_order" AS "so"',
        'INNER JOIN "customers" AS "c" ON ("c"."customer_id" = "so"."customer_id")',
        `WHERE (("so"."order_date" >= CAST($1 AS DATE)) AND ("so"."order_date" < (DATE '2024-01-01' + INTERVAL '3' MONTH)) AND ("so"."payment_method" IN ($2, $3)) AND ("c"."state" <> $4))`,
        'GROUP BY "c"."state", year("so"."order_date")',
        'HAVING (sum("so"."total_amount") > $5)',
        'ORDER BY "revenue" DESC',
        'LIMIT 5',
      ].join('\n'),
    );
    expect(compiled.parameters).toEqual(['2024-01-01', 'Card', 'Cash', INJECTION, 100]);
    expect(compiled.tables).toEqual(['sales_order', 'customers']);
  });

  it('renders Trino SQL with ? parameters only in WHERE and escaped literals elsewhere', () => {
    const compiled = toTrinoSql(revenueByState(), { database: 'autocorp_curated' });
    expect(compiled.sql).toContain('FROM "autocorp_curated"."sales_order" AS "so"');
    expect(compiled.sql).toContain(
      `WHERE (("so"."order_date" >= CAST(? AS DATE)) AND ("so"."order_date" < (DATE '2024-01-01' + INTERVAL '3' MONTH)) AND ("so"."payment_method" IN (?, ?)) AND ("c"."state" <> ?))`,
    );
    expect(compiled.sql).toContain('HAVING (sum("so"."total_amount") > 100)');
    // Athena ExecutionParameters are literal texts: strings quoted, quotes doubled.
    expect(compiled.parameters).toEqual(["'2024-01-01'", "'Card'", "'Cash'", `'''); DROP TABLE x; --'`]);
  });

  it('keeps a hostile value a parameter, and escapes it when it must be a literal', () => {
    const q = qb
      .selectFrom('customers', 'c')
      .select((e) => ({ id: 'c.customer_id', tag: e.coalesce('c.phone', INJECTION) }))
      .where((e) => e.eq('c.email', INJECTION));
    const duck = toDuckDbSql(q);
    expect(duck.sql).not.toContain('DROP TABLE');
    expect(duck.parameters).toEqual([INJECTION, INJECTION]);
    const trino = toTrinoSql(q);
    expect(trino.sql).toContain(`coalesce("c"."phone", '''); DROP TABLE x; --')`);
    expect(trino.sql).toContain('WHERE ("c"."email" = ?)');
    expect(trino.parameters).toEqual([`'''); DROP TABLE x; --'`]);
  });

  it('renders date functions, casts, offsets and null ordering in both dialects', () => {
    const q = qb
      .selectFrom('sales_order', 'so')
      .select((e) => ({
        month: e.cast(e.dateTrunc('month', 'so.order_date'), 'DATE'),
        m: e.month('so.order_date'),
        total: e.round(e.avg('so.total_amount'), 2),
      }))
      .where((e) =>
        e.between('so.order_date', e.timestamp('2024-01-01 00:00:00'), e.timestampParam('2024-12-31 23:59:59')),
      )
      .groupBy((e) => [e.dateTrunc('month', 'so.order_date'), e.month('so.order_date')])
      .orderBy('month', 'asc', 'last')
      .limit(10)
      .offset(20);
    const duck = toDuckDbSql(q).sql;
    const trino = toTrinoSql(q).sql;
    for (const sql of [duck, trino]) {
      expect(sql).toContain(`CAST(date_trunc('month', "so"."order_date") AS DATE) AS "month"`);
      expect(sql).toContain('ORDER BY "month" ASC NULLS LAST');
      expect(sql.endsWith('OFFSET 20\nLIMIT 10')).toBe(true);
    }
    // avg of a decimal: Trino's is exact already; DuckDB's would be a DOUBLE, so it is spelled out exactly.
    expect(trino).toContain('round(avg("so"."total_amount"), 2)');
    expect(duck).toContain('round((CAST(sign(CAST(sum("so"."total_amount") * 100 AS HUGEINT))');
    expect(duck).toContain(`BETWEEN TIMESTAMP '2024-01-01 00:00:00' AND CAST($1 AS TIMESTAMP)`);
    expect(trino).toContain(`BETWEEN TIMESTAMP '2024-01-01 00:00:00' AND CAST(? AS TIMESTAMP)`);
  });

  it('names unknown tables and columns, and refuses malformed literals', () => {
    expect(() => qb.selectFrom('nope' as 'customers', 'n')).toThrow(/Table "nope" is not in the catalog/);
    const error = (() => {
      try {
        qb.selectFrom('customers', 'c').select((e) => ({ x: e.col('c.shoe_size' as 'c.state') }));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(QueryError);
    expect(error).toMatchObject({
      kind: 'unknown-column',
      message: expect.stringContaining('Column "shoe_size" does not exist in table "customers"'),
    });
    expect(() => qb.selectFrom('customers', 'c').select((e) => ({ x: e.col('z.state' as 'c.state') }))).toThrow(
      /names no table in the query/,
    );
    expect(() => qb.selectFrom('customers', 'c').select((e) => ({ d: e.date("2024-01-01' OR 1=1 --") }))).toThrow(
      /is not a YYYY-MM-DD date/,
    );
    expect(() => qb.selectFrom('customers', 'c').select(() => ({ 'x"y': 'c.state' }))).toThrow(/output column name/);
    expect(() =>
      qb
        .selectFrom('customers', 'c')
        .select(() => ({ s: 'c.state' }))
        .orderBy('c.nope' as 'c.state'),
    ).toThrow(/Column "nope"/);
  });

  it('renders named queries for DuckDB, Trino and Athena NamedQuery text', () => {
    const duck = renderNamedQuery('service_with_parts', 'duckdb', { params: { serviceid: INJECTION } });
    expect(duck.parameters).toEqual([INJECTION]);
    // Without from/to the Athena text covers the data's own range: no period bound at all.
    const named = athenaNamedQueryString('top_selling_parts');
    expect(named).toContain(`WHERE ("li"."line_type" = 'part')\nGROUP BY`);
    expect(named).not.toContain('order_date');
    const period = athenaNamedQueryString('top_selling_parts', { params: { from: '2024-01-01', to: '2025-01-01' } });
    expect(period).toContain(
      `WHERE ((("li"."line_type" = 'part') AND ("li"."order_date" >= CAST('2024-01-01' AS DATE))) AND ("li"."order_date" < CAST('2025-01-01' AS DATE)))`,
    );
    expect(named).toContain('LIMIT 10');
    expect(named.endsWith(';')).toBe(true);
    expect(named).not.toContain('?');
    const overridden = athenaNamedQueryString('service_with_parts', {
      params: { serviceid: "O'Brien" },
      database: 'autocorp_curated',
    });
    expect(overridden).toContain(`WHERE ("s"."serviceid" = 'O''Brien')`);
    expect(overridden).toContain('"autocorp_curated"."service"');
    expect(() => renderNamedQuery('nope', 'trino')).toThrow(/no named query "nope"/);
    expect(() => renderNamedQuery('top_selling_parts', 'trino', { params: { limit: 'ten' } })).toThrow(
      /must be a whole number/,
    );
    expect(() => renderNamedQuery('top_selling_parts', 'trino', { params: { from: '2024-13-45' } })).toThrow(
      /is not a YYYY-MM-DD date/,
    );
    expect(() => renderNamedQuery('customers_by_state', 'trino', { params: { colour: 'red' } })).toThrow(
      /has no parameter "colour"/,
    );
  });
});
