import { describe, expect, it } from 'vitest';
import {
  ANALYTICS_JOB_NAMES,
  EtlJobsError,
  JOBS,
  JOB_NAMES,
  type JobDefinition,
  OPERATIONAL_JOB_NAMES,
  isDatasetRule,
  isRowRule,
  jobByName,
  jobDefinitionProblems,
  jobsInDependencyOrder,
  portabilityProblems,
} from '../src/index';

describe('job definitions', () => {
  it('defines the ten jobs, each valid', () => {
    expect(JOBS.map((j) => j.name)).toEqual([...JOB_NAMES]);
    expect(JOBS).toHaveLength(10);
    for (const job of JOBS) expect(jobDefinitionProblems(job), job.name).toEqual([]);
  });

  it('has at least 35 data quality rules of every family, each warn or fail', () => {
    const rules = JOBS.flatMap((j) => j.rules);
    expect(rules.length).toBeGreaterThanOrEqual(35);
    const kinds = new Set(rules.map((r) => r.kind));
    for (const kind of [
      'isComplete',
      'isUnique',
      'range',
      'allowedValues',
      'pattern',
      'references',
      'reconciles',
      'freshness',
      'rowCountMatch',
    ]) {
      expect(kinds.has(kind as never), kind).toBe(true);
    }
    expect(rules.every((r) => r.severity === 'warn' || r.severity === 'fail')).toBe(true);
    expect(rules.some(isRowRule)).toBe(true);
    expect(rules.some(isDatasetRule)).toBe(true);
  });

  it('keys the sales tables so both sources fit: invoice_number, and invoice_number + line_number for lines', () => {
    expect(jobByName('sales_order').hudi.recordKeyFields).toEqual(['invoice_number']);
    expect(jobByName('sales_order').hudi.precombineField).toBe('updated_at');
    expect(jobByName('sales_order_parts').hudi.recordKeyFields).toEqual(['invoice_number', 'line_number']);
    expect(jobByName('sales_order_services').hudi.recordKeyFields).toEqual(['invoice_number', 'line_number']);
    const sources = jobByName('sales_order')
      .sources.map((s) => s.kind)
      .sort();
    expect(sources).toEqual(['csv', 'database']);
  });

  it('uses a global index for every partitioned table written by upserts, so an update that changes the partition value moves the row', () => {
    const partitioned = JOBS.filter((j) => j.hudi.partitionFields.length > 0);
    expect(partitioned.map((j) => j.name)).toContain('sales_order');
    for (const job of partitioned) {
      // Any other operation here must rewrite the whole table each run, so no old placement can survive.
      if (job.hudi.operation === 'upsert') expect(job.hudi.indexType, job.name).toBe('GLOBAL_SIMPLE');
      else expect(job.hudi.operation, job.name).toBe('insert_overwrite_table');
    }
  });

  it('orders jobs so dependencies come first, and pulls in what a job needs', () => {
    const order = jobsInDependencyOrder().map((j) => j.name);
    for (const job of JOBS)
      for (const dep of job.dependsOn) expect(order.indexOf(dep)).toBeLessThan(order.indexOf(job.name));
    for (const analytics of ANALYTICS_JOB_NAMES) {
      for (const operational of OPERATIONAL_JOB_NAMES)
        expect(order.indexOf(analytics)).toBeGreaterThan(order.indexOf(operational));
    }
    expect(jobsInDependencyOrder(['service_parts_catalog']).map((j) => j.name)).toEqual([
      'auto_parts',
      'service',
      'service_parts',
      'service_parts_catalog',
    ]);
  });

  it('refuses a dependency cycle and an unknown job with the names involved', () => {
    const a = { ...jobByName('auto_parts'), dependsOn: ['service'] } as JobDefinition;
    const b = { ...jobByName('service'), dependsOn: ['auto_parts'] } as JobDefinition;
    expect(() => jobsInDependencyOrder(['auto_parts'], [a, b])).toThrow(/cycle: auto_parts -> service -> auto_parts/);
    try {
      jobByName('nope');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EtlJobsError);
      expect((error as EtlJobsError).kind).toBe('unknown-job');
      expect((error as Error).message).toContain('"nope"');
    }
  });

  it('finds non-portable SQL and definition mistakes', () => {
    expect(portabilityProblems('SELECT a::INT FROM t')).toHaveLength(1);
    expect(portabilityProblems('SELECT strftime(a, 1) FROM t QUALIFY x')).toHaveLength(2);
    expect(portabilityProblems("SELECT CAST(a AS STRING), 'x::y' FROM t")).toEqual([]);
    const broken: JobDefinition = {
      ...jobByName('auto_parts'),
      transformSql: 'SELECT * EXCLUDE (a) FROM t',
      hudi: { ...jobByName('auto_parts').hudi, precombineField: 'nope' },
      dependsOn: [],
    };
    const problems = jobDefinitionProblems({
      ...broken,
      sources: [...broken.sources, { kind: 'curated', view: 'x', job: 'service' }],
    });
    expect(problems.join('\n')).toMatch(/EXCLUDE/);
    expect(problems.join('\n')).toMatch(/Hudi field "nope"/);
    expect(problems.join('\n')).toMatch(/curated source service is not in dependsOn/);
  });
});
