import { describe, expect, it } from 'vitest';
import {
  JOBS,
  dqdlCanExpress,
  glueJobConfig,
  jobByName,
  renderDatasetCheckDuckdb,
  renderDqdl,
  renderDqdlRuleset,
  renderRowPredicate,
  rowRulePasses,
  ruleBuilders,
} from '../src/index';

const ctx = { rowAlias: 't', referenceView: (job: string) => `ref_${job}` };

describe('rule rendering', () => {
  it('renders row rules to NULL-safe predicates for each engine', () => {
    const range = ruleBuilders.inRange('quantity', { min: 0, exclusiveMin: true }, 'fail');
    expect(renderRowPredicate(range, 'duckdb', ctx)).toBe('(t.quantity IS NULL OR (t.quantity > 0))');
    const pattern = ruleBuilders.matchesPattern('zip_code', '[0-9]{5}', 'warn');
    expect(renderRowPredicate(pattern, 'duckdb', ctx)).toContain(
      "regexp_full_match(CAST(t.zip_code AS VARCHAR), '[0-9]{5}')",
    );
    expect(renderRowPredicate(pattern, 'spark', ctx)).toContain("RLIKE '^(?:[0-9]{5})$'");
    const ref = ruleBuilders.references(['customer_id'], 'customers', ['customer_id'], 'fail');
    expect(renderRowPredicate(ref, 'spark', ctx)).toBe(
      '(t.customer_id IS NULL OR EXISTS (SELECT 1 FROM ref_customers r WHERE r.customer_id = t.customer_id))',
    );
    expect(() => renderRowPredicate(ruleBuilders.allowedValues('x', ["it's"], 'warn'), 'duckdb', ctx)).toThrow(
      /quote or backslash/,
    );
  });

  it('renders DQDL, with thresholds for row rules that allow dirty rows', () => {
    expect(renderDqdl(ruleBuilders.isComplete('email', 'fail'))).toBe('IsComplete "email"');
    expect(renderDqdl(ruleBuilders.isComplete('email', 'fail', { minPassRatio: 0.99 }))).toBe(
      'Completeness "email" >= 0.99',
    );
    expect(renderDqdl(ruleBuilders.inRange('q', { min: 0, max: 5 }, 'fail', { minPassRatio: 0.9 }))).toBe(
      '(ColumnValues "q" >= 0 with threshold >= 0.9) and (ColumnValues "q" <= 5 with threshold >= 0.9)',
    );
    expect(renderDqdl(ruleBuilders.allowedValues('t', ['a', 'b'], 'warn'))).toBe('ColumnValues "t" in ["a", "b"]');
    expect(renderDqdl(ruleBuilders.references(['sku'], 'auto_parts', ['sku'], 'fail', { minPassRatio: 0.99 }))).toBe(
      'ReferentialIntegrity "sku" "auto_parts.sku" >= 0.99',
    );
    expect(renderDqdl(ruleBuilders.freshness('updated_at', 24, 'warn'))).toBe('DataFreshness "updated_at" <= 24 hours');
    expect(renderDqdl(ruleBuilders.rowCountMatch('sales_order', 1, 1, 'fail'))).toBe('RowCountMatch "sales_order" = 1');
    expect(renderDqdl(ruleBuilders.isUnique(['a', 'b'], 'fail'))).toBe('IsUnique "a" "b"');
    for (const job of JOBS) {
      const ruleset = renderDqdlRuleset(job.rules);
      expect(ruleset.startsWith('Rules = [\n')).toBe(true);
      expect(ruleset.split('\n')).toHaveLength(job.rules.filter(dqdlCanExpress).length + 2);
    }
  });

  it('keeps freshness on the data clock out of DQDL, which measures against the current time only', () => {
    const dataClock = ruleBuilders.freshness('updated_at', 24, 'warn', { clock: 'data' });
    expect(() => renderDqdl(dataClock)).toThrow(/data's clock, which DQDL cannot express/);
    const orders = jobByName('sales_order');
    const fresh = orders.rules.find((r) => r.name === 'updated_at_fresh');
    expect(fresh).toMatchObject({ kind: 'freshness', clock: 'data', maxAgeHours: 24 });
    expect(glueJobConfig(orders).dataset_rules.map((r) => r.name)).not.toContain('updated_at_fresh');
  });

  it('passes a row rule by its ratio or by its absolute allowance of bad rows', () => {
    const rule = ruleBuilders.isComplete('x', 'fail', { minPassRatio: 0.99, allowedFailures: 1 });
    expect([
      rowRulePasses(rule, 1, 10),
      rowRulePasses(rule, 2, 10),
      rowRulePasses(rule, 2, 200),
      rowRulePasses(rule, 3, 200),
    ]).toEqual([true, false, true, false]);
    const strict = ruleBuilders.isComplete('x', 'fail');
    expect([rowRulePasses(strict, 0, 10), rowRulePasses(strict, 1, 1000)]).toEqual([true, false]);
    const orders = jobByName('sales_order');
    const config = glueJobConfig(orders);
    expect(config.row_rules.map((r) => r.allowed_failures)).toEqual(
      orders.rules.flatMap((r) => (r.level === 'row' ? [r.allowedFailures ?? 0] : [])),
    );
  });

  it('renders dataset checks as one-row DuckDB queries over the named views', () => {
    const rctx = {
      batchView: 'b',
      countsView: 'c',
      referenceView: (j: string) => `ref_${j}`,
      runStartedAt: new Date('2025-01-02T03:04:05Z'),
    };
    expect(renderDatasetCheckDuckdb(ruleBuilders.isUnique(['email'], 'fail'), rctx)).toContain(
      'GROUP BY email HAVING count(*) > 1',
    );
    expect(renderDatasetCheckDuckdb(ruleBuilders.freshness('updated_at', 5, 'warn'), rctx)).toContain(
      "TIMESTAMP '2025-01-02 03:04:05.000'",
    );
    expect(renderDatasetCheckDuckdb(ruleBuilders.reconciles('fail'), rctx)).toContain(
      'read_rows = written_rows + quarantined_rows + duplicate_rows',
    );
    expect(renderDatasetCheckDuckdb(ruleBuilders.reconciles('fail'), rctx)).toContain(
      'source_rows IS NULL OR source_rows = curated_source_rows',
    );
    const dataClock = ruleBuilders.freshness('updated_at', 24, 'warn', { clock: 'data' });
    expect(() => renderDatasetCheckDuckdb(dataClock, rctx)).toThrow(/pass currentTableView/);
    expect(renderDatasetCheckDuckdb(dataClock, { ...rctx, currentTableView: 'cur' })).toContain(
      'SELECT updated_at FROM cur UNION ALL SELECT updated_at FROM b',
    );
  });
});
