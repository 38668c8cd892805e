import { describe, expect, it } from 'vitest';
import { HudiReadConfig } from '@autocorp/hudi/config';
import {
  ANALYTICS_JOB_NAMES,
  CONSUMED_INSTANTS_METADATA_KEY,
  DELETED_KEYS_METADATA_KEY,
  glueJobArguments,
  glueJobConfig,
  JOBS,
  jobByName,
  incrementalPlanProblems,
  portabilityProblems,
  renderAffectedUnitsSelect,
  renderProjectedTableSelect,
  renderRestrictedSourceSelect,
  renderStaleRowsSelect,
} from '../src/index';

describe('incremental plans of the analytics jobs', () => {
  it('every analytics job has a sound plan, and no other job has one', () => {
    for (const job of JOBS) {
      expect(job.incremental !== undefined, job.name).toBe(
        (ANALYTICS_JOB_NAMES as readonly string[]).includes(job.name),
      );
      expect(incrementalPlanProblems(job), job.name).toEqual([]);
    }
  });

  it('names the problems of a plan whose driver key is not a record key of its source (its deletes would be missed)', () => {
    const fact = jobByName('sales_order_fact');
    const plan = fact.incremental!;
    const broken = {
      ...fact,
      incremental: {
        ...plan,
        unit: 'nope',
        drivers: plan.drivers.map((d) => (d.source === 'customers' ? { ...d, key: 'state' } : d)),
        restrict: { ...plan.restrict, missing_view: 'x' },
      },
    };
    expect(incrementalPlanProblems(broken)).toEqual([
      'unit "nope" is not an output column',
      'driver key "state" is not a record key field of customers',
      'restricted view "missing_view" is not a curated source view',
    ]);
    const undriven = {
      ...fact,
      incremental: { ...plan, drivers: plan.drivers.filter((d) => d.source !== 'customers') },
    };
    expect(incrementalPlanProblems(undriven)).toEqual(['source customers drives no unit']);
  });

  it('renders portable key-finding, restriction, stale-row and projection SQL', () => {
    for (const job of JOBS.filter((j) => j.incremental)) {
      const sqls = [
        renderAffectedUnitsSelect(job),
        renderStaleRowsSelect(job, 'cur', 'ups'),
        renderProjectedTableSelect(job, 'cur', 'ups'),
        ...job.sources.map((s) => renderRestrictedSourceSelect(job, s.view)),
      ];
      for (const sql of sqls) expect(portabilityProblems(sql), sql).toEqual([]);
    }
    const catalog = jobByName('service_parts_catalog');
    expect(renderRestrictedSourceSelect(catalog, 'auto_parts')).toBe('SELECT * FROM auto_parts_all');
    expect(renderRestrictedSourceSelect(catalog, 'service_parts')).toContain(
      'WHERE serviceid IN (SELECT unit FROM _affected_units)',
    );
  });

  it('hands the Glue script the same plan and SQL the local runner uses, and a --full_rebuild switch', () => {
    const env = {
      lakeUri: 's3://lake/l',
      glueDatabase: 'autocorp',
      cdcSlot: 'autocorp_cdc',
      tempUri: 's3://lake/tmp',
      scriptsUri: 's3://lake/s',
    };
    for (const job of JOBS) {
      const config = glueJobConfig(job);
      expect(config.deleted_keys_metadata_key).toBe(DELETED_KEYS_METADATA_KEY);
      expect(Object.values(config.hudi_read_keys)).toEqual(Object.values(HudiReadConfig).map((c) => c.key));
      expect(glueJobArguments(job, env)['--full_rebuild']).toBe('false');
      if (!job.incremental) {
        expect(config.incremental, job.name).toBeNull();
        continue;
      }
      const incremental = config.incremental!;
      expect(incremental.affected_units_sql).toBe(renderAffectedUnitsSelect(job));
      expect(incremental.stale_rows_sql).toBe(
        renderStaleRowsSelect(job, incremental.current_view, incremental.upserts_view),
      );
      expect(incremental.projected_table_sql).toBe(
        renderProjectedTableSelect(job, incremental.current_view, incremental.upserts_view),
      );
      expect(incremental.consumed_instants_metadata_key).toBe(CONSUMED_INSTANTS_METADATA_KEY);
      expect(incremental.sources.map((s) => s.view)).toEqual(job.sources.map((s) => s.view));
      for (const source of incremental.sources) {
        expect(source.restricted_sql).toBe(renderRestrictedSourceSelect(job, source.view));
        expect(source.record_key_fields).toEqual(jobByName(source.job).hudi.recordKeyFields);
      }
    }
  });
});
