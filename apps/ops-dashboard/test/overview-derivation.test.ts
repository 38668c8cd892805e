import type { CdcResponse, PlatformStatus, RunReportBody } from '@autocorp/platform-client';
import { describe, expect, it } from 'vitest';
import { openProblems } from '../src/overview/open-problems';
import type { OverviewFacts, TableCounts } from '../src/overview/overview-data';
import { CDC_LAG_AMBER_SECONDS, pipelineStages } from '../src/overview/pipeline-stages';

const AT = Date.parse('2026-12-07T10:02:00Z');

function status(overrides: Partial<PlatformStatus> = {}): PlatformStatus {
  const names = ['source', 'cdc', 'etl', 'catalog', 'csv-watch'] as const;
  return {
    mode: 'live',
    startedAt: AT,
    profile: 'local',
    components: names.map((name) => ({ name, health: 'ok', reason: null, since: AT })),
    cdc: null,
    etl: null,
    simulator: null,
    ...overrides,
  };
}

function cdc(lagSeconds: number, active = true): CdcResponse {
  return {
    slot: 'autocorp_cdc',
    source: { reachable: true, reason: null },
    slotStatus: {
      exists: true,
      active,
      walStatus: 'reserved',
      invalidated: false,
      confirmedFlushLsn: '0/1',
      currentWalLsn: '0/2',
      lagBytes: 10,
      lagSeconds,
      lagBasis: 'streaming',
      unknown: {},
    },
    position: null,
    lastCommitTime: null,
    tables: [],
    throughput: { windowSeconds: 300, batches: 0, rows: 0, rowsPerSecond: 0 },
  };
}

function run(job: string, rules: RunReportBody['rules'], status: RunReportBody['status'] = 'committed'): RunReportBody {
  return {
    runId: `r-${job}`,
    job,
    status,
    startedAt: '2026-12-07T10:00:00Z',
    finishedAt: '2026-12-07T10:00:01Z',
    counts: { read: 3, written: 3, inserted: 3, updated: 0, deleted: 0, quarantined: 0 },
    timings: { readMs: 1, transformMs: 1, qualityMs: 1, writeMs: 1, totalMs: 4 },
    rules,
    instants: [],
    inputFiles: [],
  };
}

const counts = (table: string, source: number, raw: number, curated: number): TableCounts => ({
  table,
  source,
  raw,
  curated,
  notes: [],
});

function facts(overrides: Partial<OverviewFacts> = {}): OverviewFacts {
  return { status: status(), cdc: cdc(1), counts: [counts('customers', 5, 5, 5)], runs: [], recent: [], ...overrides };
}

const light = (f: OverviewFacts, stage: string) => pipelineStages(f).find((s) => s.name === stage);

describe('the overview stages', () => {
  it('are six, all green with their reasons when everything is healthy', () => {
    const stages = pipelineStages(facts());
    expect(stages.map((s) => s.name)).toEqual(['Source', 'CDC', 'Raw zone', 'ETL', 'Curated', 'Catalog']);
    expect(stages.map((s) => s.light)).toEqual(stages.map(() => 'green'));
  });

  it('turn CDC amber with the lag and the inactive slot in words', () => {
    const stage = light(facts({ cdc: cdc(CDC_LAG_AMBER_SECONDS + 1, false) }), 'CDC');
    expect(stage?.light).toBe('amber');
    expect(stage?.reason).toMatch(/^CDC lag .*: slot inactive; lag above/);
  });

  it('turn the raw zone amber when it differs from the source, and curated amber only when rows are missing', () => {
    expect(light(facts({ counts: [counts('customers', 6, 5, 5)] }), 'Raw zone')?.light).toBe('amber');
    expect(light(facts({ counts: [counts('sales_order', 5, 5, 9)] }), 'Curated')?.light).toBe('green');
    const short = light(facts({ counts: [counts('sales_order', 5, 5, 4)] }), 'Curated');
    expect(short?.light).toBe('amber');
    expect(short?.reason).toContain('sales_order (curated 4 vs raw 5)');
  });

  it('draw without the row counts: raw and curated grey while counting, with the reason when counting failed', () => {
    for (const stage of ['Raw zone', 'Curated']) {
      expect(light(facts({ counts: null }), stage)).toMatchObject({ light: 'grey', reason: 'counting rows…' });
      const failed = light(facts({ counts: null, countsError: 'the lake is not readable' }), stage);
      expect(failed?.reason).toContain('the lake is not readable');
    }
    expect(light(facts({ counts: null }), 'ETL')?.light).toBe('green');
  });

  it('draw from the status alone while the slot and the runs load: component lights and what is being checked', () => {
    const down = status({
      components: status().components.map((c) =>
        c.name === 'cdc' ? { ...c, health: 'down' as const, reason: 'slot lost' } : c,
      ),
    });
    const stages = pipelineStages(facts({ status: down, cdc: null, runs: null, counts: null }));
    const byName = new Map(stages.map((s) => [s.name, s]));
    expect(byName.get('Source')?.light).toBe('green');
    expect(byName.get('CDC')).toMatchObject({ light: 'red', reason: expect.stringContaining('slot lost') });
    expect(byName.get('ETL')).toMatchObject({ light: 'green', reason: 'reading the run records…' });
    expect(pipelineStages(facts({ cdc: null })).find((s) => s.name === 'CDC')?.reason).toContain('checking the slot');
    expect(openProblems(facts({ status: down, cdc: null, runs: null })).map((p) => p.text)).toEqual([
      expect.stringContaining('cdc down'),
    ]);
  });

  it('turn ETL red for a failed job and amber for a failed warn rule in a committed run', () => {
    const warn = {
      rule: 'fresh',
      kind: 'k',
      level: 'dataset' as const,
      severity: 'warn' as const,
      passed: false,
      observed: 2,
    };
    expect(light(facts({ runs: [run('sales_order', [warn])] }), 'ETL')?.light).toBe('amber');
    expect(light(facts({ runs: [run('sales_order', [], 'failed')] }), 'ETL')?.light).toBe('red');
  });
});

describe('the open problems', () => {
  it('list failures before warnings: a down component, a failed warn rule of a committed run, a rejected file', () => {
    const warn = {
      rule: 'fresh',
      kind: 'k',
      level: 'dataset' as const,
      severity: 'warn' as const,
      passed: false,
      observed: 2,
    };
    const base = status();
    const problems = openProblems(
      facts({
        status: {
          ...base,
          components: base.components.map((c) =>
            c.name === 'cdc' ? { ...c, health: 'down' as const, reason: 'slot inactive' } : c,
          ),
        },
        runs: [run('sales_order', [warn])],
        recent: [
          { type: 'csv-transfer', at: AT, files: 1, rows: 0, rejected: [{ file: 'x.csv', reason: 'not UTF-8' }] },
        ],
      }),
    );
    expect(problems.map((p) => p.severity)).toEqual(['fail', 'warn', 'warn']);
    expect(problems[0]?.text).toContain('cdc down');
    expect(problems[0]?.text).toContain('slot inactive');
    expect(problems[1]?.text).toContain('rule fresh failed (warn, 2 rows)');
    expect(problems[2]?.text).toContain('x.csv rejected: not UTF-8');
  });

  it('are none when every component is healthy and every rule passed', () => {
    expect(openProblems(facts({ runs: [run('customers', [])] }))).toEqual([]);
  });
});
