import { JOBS } from '@autocorp/etl-jobs';
import { NAMED_QUERIES } from '@autocorp/query';
import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS } from '../src/config/environments';
import { dmsTableMappings } from '../src/constructs/dms-table-mappings';
import { planWorkflow } from '../src/constructs/glue-workflow-plan';
import { type GlueJobInput, orderJobs } from '../src/inputs/glue-job-input';
import { checkNamedQueries } from '../src/inputs/named-query-input';
import { glueJobsFromDefinitions, namedQueriesFromDefinitions } from '../src/inputs/shared-definitions';

const job = (name: string, layer: GlueJobInput['layer'], dependsOn: string[] = []): GlueJobInput => ({
  name,
  layer,
  description: name,
  dependsOn,
  script: `print("${name}")`,
  arguments: {},
});

describe('Glue jobs from the shared job definitions', () => {
  const jobs = glueJobsFromDefinitions(ENVIRONMENTS.dev);

  it('renders all ten job definitions of @autocorp/etl-jobs, with scripts and arguments for the environment', () => {
    expect(jobs.map((j) => j.name).sort()).toEqual(JOBS.map((j) => j.name).sort());
    expect(jobs).toHaveLength(10);
    for (const rendered of jobs) {
      expect(rendered.script).toContain('getResolvedOptions');
      expect(rendered.arguments['--glue_database']).toBe('autocorp_dev');
      expect(rendered.arguments['--target_path']).toMatch(
        /^s3:\/\/autocorp-dev-curated-111111111111-us-east-1\/curated\//,
      );
      expect(rendered.arguments['--quarantine_path']).toMatch(
        /^s3:\/\/autocorp-dev-processed-111111111111-us-east-1\/processed\/quarantine\//,
      );
    }
  });

  it('plans the workflow: operational jobs first, analytics after their inputs, the curated crawler after the last jobs', () => {
    const plan = planWorkflow(orderJobs(jobs));
    const layer = new Map(jobs.map((j) => [j.name, j.layer]));
    expect(plan.start.length).toBeGreaterThan(0);
    expect(plan.start.every((name) => layer.get(name) === 'operational')).toBe(true);
    const startedBy = new Map<string, readonly string[]>();
    for (const step of plan.steps) for (const name of step.jobs) startedBy.set(name, step.after);
    for (const j of jobs) {
      if (j.dependsOn.length > 0) expect(new Set(startedBy.get(j.name))).toEqual(new Set(j.dependsOn));
    }
    const everyJob = [...plan.start, ...plan.steps.flatMap((step) => step.jobs)];
    expect(everyJob.sort()).toEqual(jobs.map((j) => j.name).sort());
    for (const name of plan.curatedCrawlerAfter)
      expect(plan.steps.some((step) => step.after.includes(name))).toBe(false);
    expect(plan.curatedCrawlerAfter.every((name) => layer.get(name) === 'analytics')).toBe(true);
  });
});

describe('job graph checks', () => {
  it('orders dependencies first and keeps input order for ties', () => {
    const ordered = orderJobs([
      job('fact', 'analytics', ['orders', 'parts']),
      job('orders', 'operational'),
      job('parts', 'operational'),
    ]);
    expect(ordered.map((j) => j.name)).toEqual(['orders', 'parts', 'fact']);
  });

  it('makes an analytics job without declared inputs wait for every operational job', () => {
    const plan = planWorkflow(
      orderJobs([job('orders', 'operational'), job('parts', 'operational'), job('summary', 'analytics')]),
    );
    expect(plan).toEqual({
      start: ['orders', 'parts'],
      steps: [{ after: ['orders', 'parts'], jobs: ['summary'] }],
      curatedCrawlerAfter: ['summary'],
    });
  });

  it('rejects cycles, unknown dependencies, duplicates, layer inversions and an empty list', () => {
    expect(() => orderJobs([job('a', 'operational', ['b']), job('b', 'operational', ['a'])])).toThrow(
      /cycle: a -> b -> a/,
    );
    expect(() => orderJobs([job('a', 'operational', ['missing'])])).toThrow(/depends on "missing"/);
    expect(() => orderJobs([job('a', 'operational'), job('a', 'operational')])).toThrow(/defined twice/);
    expect(() => orderJobs([job('a', 'operational', ['b']), job('b', 'analytics')])).toThrow(
      /Operational job "a" depends on analytics job "b"/,
    );
    expect(() => orderJobs([])).toThrow(/No Glue jobs were given/);
  });
});

describe('named queries from @autocorp/query', () => {
  it('renders every named query as Athena SQL against the environment database', () => {
    const queries = namedQueriesFromDefinitions(ENVIRONMENTS.prod);
    expect(queries.map((q) => q.name)).toEqual(NAMED_QUERIES.map((q) => q.name));
    for (const query of queries) expect(query.sql).toContain('"autocorp_prod".');
    expect(checkNamedQueries(queries)).toBe(queries);
  });

  it('rejects duplicate and empty queries', () => {
    expect(() =>
      checkNamedQueries([
        { name: 'q', description: '', sql: 'SELECT 1' },
        { name: 'q', description: '', sql: 'SELECT 2' },
      ]),
    ).toThrow(/defined twice/);
    expect(() => checkNamedQueries([{ name: 'q', description: '', sql: '  ' }])).toThrow(/has no SQL/);
  });
});

describe('DMS table mapping', () => {
  const mapping = dmsTableMappings('public', SOURCE_TABLE_NAMES);

  it('selects exactly the seven source tables', () => {
    const selected = mapping.rules.filter((rule) => rule['rule-type'] === 'selection');
    expect(selected.map((rule) => (rule['object-locator'] as { 'table-name': string })['table-name'])).toEqual([
      ...SOURCE_TABLE_NAMES,
    ]);
    expect(selected.every((rule) => rule['rule-action'] === 'include')).toBe(true);
    expect(selected).toHaveLength(7);
  });

  it('lands files at raw/database/pg_<table>/ (schema renamed to database, tables prefixed pg_)', () => {
    expect(mapping.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ 'rule-target': 'schema', 'rule-action': 'rename', value: 'database' }),
        expect.objectContaining({ 'rule-target': 'table', 'rule-action': 'add-prefix', value: 'pg_' }),
      ]),
    );
  });

  it('numbers rules uniquely', () => {
    const ids = mapping.rules.map((rule) => rule['rule-id']);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
