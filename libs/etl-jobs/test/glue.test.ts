import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EtlJobsError,
  JOBS,
  MAX_FILE_SIZE_BYTES,
  RECORD_SIZE_ESTIMATE,
  SMALL_FILE_LIMIT_BYTES,
  type GlueEnvironment,
  glueJobArguments,
  glueScriptUri,
  hudiWriteOptions,
  jobByName,
  parseHudiWriteOptions,
  renderGlueScript,
} from '../src/index';

/** The argument names a script resolves with getResolvedOptions (JOB_NAME comes from Glue itself). */
function resolvedArgumentNames(script: string): string[] {
  const list = /getResolvedOptions\(\s*sys\.argv,\s*\[([^\]]*)\]/.exec(script)?.[1] ?? '';
  return [...list.matchAll(/"([A-Za-z_]+)"/g)].map((m) => m[1] as string).filter((name) => name !== 'JOB_NAME');
}

const env: GlueEnvironment = {
  lakeUri: 's3://autocorp-lake-123/lake/',
  glueDatabase: 'autocorp',
  cdcSlot: 'autocorp_cdc',
  tempUri: 's3://autocorp-lake-123/tmp',
  scriptsUri: 's3://autocorp-lake-123/scripts',
};

const folder = mkdtempSync(path.join(tmpdir(), 'etl-jobs-glue-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Reads a `NAME = json.loads("...")` assignment of the script back with Python's own parser. */
function pythonAssignment(scriptPath: string, name: string): unknown {
  const program = [
    'import ast, json, sys',
    'tree = ast.parse(open(sys.argv[1]).read())',
    'for node in tree.body:',
    '    if isinstance(node, ast.Assign) and node.targets[0].id == sys.argv[2]:',
    '        value = node.value',
    '        print(value.args[0].value if isinstance(value, ast.Call) else json.dumps(value.value))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', program, scriptPath, name], { encoding: 'utf8' }));
}

/** The source of the first statement of a top-level function of a Python script. */
function firstStatementOf(scriptPath: string, functionName: string): string {
  const program = [
    'import ast, sys',
    'tree = ast.parse(open(sys.argv[1]).read())',
    'for node in tree.body:',
    '    if isinstance(node, ast.FunctionDef) and node.name == sys.argv[2]:',
    '        print(ast.unparse(node.body[0]))',
  ].join('\n');
  return execFileSync('python3', ['-c', program, scriptPath, functionName], { encoding: 'utf8' }).trim();
}

describe('Glue rendering', () => {
  it.each(JOBS.map((j) => [j.name, j] as const))(
    'renders a script for %s that compiles, with the same Hudi options as the local writer',
    (name, job) => {
      const script = renderGlueScript(job, env);
      const file = path.join(folder, `${name}.py`);
      writeFileSync(file, script);
      execFileSync('python3', ['-m', 'py_compile', file]);
      expect(pythonAssignment(file, 'HUDI_WRITE_OPTIONS')).toEqual(hudiWriteOptions(job));
      const config = pythonAssignment(file, 'JOB') as { transform_sql: string; row_rules: unknown[] };
      expect(config.transform_sql).toBe(job.transformSql);
      expect(config.row_rules.length).toBe(job.rules.filter((r) => r.level === 'row').length);
      const sync = pythonAssignment(file, 'CATALOG_SYNC_OPTIONS') as Record<string, string>;
      expect(sync['hoodie.datasource.hive_sync.mode']).toBe('hms');
      expect(sync['hoodie.datasource.hive_sync.database']).toBe('autocorp');
      expect(sync['hoodie.datasource.hive_sync.table']).toBe(job.hudi.tableName);
      // Decimals are written as decimal(38, s), as the local engine writes them, so either side can upsert the table.
      expect(firstStatementOf(file, 'write_hudi')).toBe('frame = widen_decimals(frame)');
    },
  );

  it('writes the real Hudi options', () => {
    const options = hudiWriteOptions(jobByName('sales_order'));
    expect(options).toMatchObject({
      'hoodie.table.name': 'sales_order',
      'hoodie.datasource.write.recordkey.field': 'invoice_number',
      'hoodie.datasource.write.precombine.field': 'updated_at',
      'hoodie.datasource.write.partitionpath.field': 'order_year',
      'hoodie.datasource.write.hive_style_partitioning': 'true',
      'hoodie.datasource.write.operation': 'upsert',
      'hoodie.datasource.write.keygenerator.class': 'org.apache.hudi.keygen.SimpleKeyGenerator',
      'hoodie.index.type': 'GLOBAL_SIMPLE',
      'hoodie.simple.index.update.partition.path': 'true',
      'hoodie.table.version': '6',
      'hoodie.metadata.enable': 'false',
      'hoodie.cleaner.commits.retained': '10',
      'hoodie.copyonwrite.record.size.estimate': String(RECORD_SIZE_ESTIMATE),
      'hoodie.parquet.max.file.size': String(MAX_FILE_SIZE_BYTES),
      'hoodie.parquet.small.file.limit': String(SMALL_FILE_LIMIT_BYTES),
      'hoodie.bulkinsert.user.defined.partitioner.sort.columns': 'invoice_number',
    });
    // Line items are partitioned by year and sorted by invoice, like the fact table (a composite key with a
    // partition field takes the ComplexKeyGenerator), and parsed back for the local writer.
    const lineItems = hudiWriteOptions(jobByName('sales_order_line_items'));
    expect(lineItems).toMatchObject({
      'hoodie.datasource.write.partitionpath.field': 'order_year',
      'hoodie.datasource.write.keygenerator.class': 'org.apache.hudi.keygen.ComplexKeyGenerator',
      'hoodie.bulkinsert.user.defined.partitioner.sort.columns': 'invoice_number,line_type,line_number',
    });
    expect(parseHudiWriteOptions(lineItems).sortColumns).toEqual(['invoice_number', 'line_type', 'line_number']);
    expect(parseHudiWriteOptions(hudiWriteOptions(jobByName('customers'))).sortColumns).toEqual([]);
    // hoodie.write.table.version is a Hudi 1.x setting; Glue 5.0's Hudi 0.15 writes table version 6 from hoodie.table.version.
    for (const job of JOBS) expect(hudiWriteOptions(job)).not.toHaveProperty('hoodie.write.table.version');
    expect(hudiWriteOptions(jobByName('sales_order_parts'))['hoodie.datasource.write.keygenerator.class']).toBe(
      'org.apache.hudi.keygen.NonpartitionedKeyGenerator',
    );
    expect(hudiWriteOptions(jobByName('sales_order_fact'))['hoodie.datasource.write.operation']).toBe(
      'insert_overwrite_table',
    );
  });

  it('renders the global index of sales_order into the Glue script, read back as the local writer reads it', () => {
    const file = path.join(folder, 'sales_order_index.py');
    writeFileSync(file, renderGlueScript(jobByName('sales_order'), env));
    const options = pythonAssignment(file, 'HUDI_WRITE_OPTIONS') as Record<string, string>;
    expect(options['hoodie.index.type']).toBe('GLOBAL_SIMPLE');
    expect(options['hoodie.simple.index.update.partition.path']).toBe('true');
    expect(parseHudiWriteOptions(options)).toMatchObject({ indexType: 'GLOBAL_SIMPLE', updatePartitionPath: true });
    // Non-global tables do not carry the option.
    expect(hudiWriteOptions(jobByName('customers'))).not.toHaveProperty('hoodie.simple.index.update.partition.path');
  });

  it('gives the job arguments Glue needs', () => {
    const args = glueJobArguments(jobByName('sales_order'), env);
    expect(args).toMatchObject({
      '--datalake-formats': 'hudi',
      '--job-bookmark-option': 'job-bookmark-enable',
      '--enable-metrics': 'true',
      '--enable-glue-datacatalog': 'true',
      '--lake_path': 's3://autocorp-lake-123/lake/',
      '--target_path': 's3://autocorp-lake-123/lake/curated/sales_order/',
      '--quarantine_path': 's3://autocorp-lake-123/lake/processed/quarantine/sales_order/',
    });
    // Glue 5.0 logs in real time: the continuous-logging flags of older versions do nothing there.
    expect(Object.keys(args).filter((name) => name.startsWith('--enable-continuous'))).toEqual([]);
    expect(args['--conf']).toContain('spark.serializer=org.apache.spark.serializer.KryoSerializer');
    expect(args['--conf']).toContain(
      '--conf spark.sql.extensions=org.apache.spark.sql.hudi.HoodieSparkSessionExtension',
    );
    expect(glueScriptUri(jobByName('customers'), env)).toBe('s3://autocorp-lake-123/scripts/autocorp_etl_customers.py');
    expect(() => glueJobArguments(jobByName('customers'), { ...env, lakeUri: '/tmp/lake' })).toThrow(EtlJobsError);
  });

  it('reads each zone from its own argument, so raw, processed and curated can be separate buckets', () => {
    for (const job of JOBS) {
      const script = renderGlueScript(job, env);
      const args = glueJobArguments(job, env);
      for (const name of resolvedArgumentNames(script))
        expect(args, `${job.name} --${name}`).toHaveProperty(`--${name}`);
      expect(resolvedArgumentNames(script)).toEqual(
        expect.arrayContaining(['raw_path', 'processed_path', 'curated_path', 'cdc_position_mode']),
      );
      expect(script).not.toMatch(/LAKE \+ "\/(raw|curated|processed)\//);
      expect(script).toContain('RAW + "/" + source["raw_folder"]');
      expect(script).toContain('CURATED + "/" + JOB["curated_tables"][job_name]');
    }
    expect(glueJobArguments(jobByName('sales_order'), env)).toMatchObject({
      '--raw_path': 's3://autocorp-lake-123/lake/raw/',
      '--processed_path': 's3://autocorp-lake-123/lake/processed/',
      '--curated_path': 's3://autocorp-lake-123/lake/curated/',
    });
  });

  it('names the folder of every curated table an analytics job or reference rule reads', () => {
    const file = path.join(folder, 'fact-config.py');
    writeFileSync(file, renderGlueScript(jobByName('sales_order_fact'), env));
    const config = pythonAssignment(file, 'JOB') as {
      curated_tables: Record<string, string>;
      curated_sources: { job: string }[];
      reference_jobs: string[];
    };
    const read = [...config.curated_sources.map((s) => s.job), ...config.reference_jobs];
    expect(read.length).toBeGreaterThan(0);
    for (const name of read) expect(config.curated_tables[name]).toBe(jobByName(name).hudi.tableName);
    const parts = path.join(folder, 'parts-config.py');
    writeFileSync(parts, renderGlueScript(jobByName('sales_order_parts'), env));
    expect((pythonAssignment(parts, 'JOB') as { curated_tables: Record<string, string> }).curated_tables).toEqual({
      auto_parts: 'auto_parts',
      sales_order: 'sales_order',
    });
  });

  it('reads DMS output without a position file by default, and @autocorp/cdc output bounded by its position file on request', () => {
    expect(glueJobArguments(jobByName('customers'), env)['--cdc_position_mode']).toBe('dms');
    expect(
      glueJobArguments(jobByName('customers'), { ...env, cdcPositionMode: 'position_file' })['--cdc_position_mode'],
    ).toBe('position_file');
    expect(() => glueJobArguments(jobByName('customers'), { ...env, cdcPositionMode: 'kafka' as never })).toThrow(
      /CDC position mode "kafka"/,
    );
    const file = path.join(folder, 'orders-config.py');
    writeFileSync(file, renderGlueScript(jobByName('sales_order'), env));
    const config = pythonAssignment(file, 'JOB') as {
      database_sources: { latest_change_sql: Record<string, string> }[];
      change_order_columns: Record<string, string[]>;
    };
    // The stream position is lineage only: DMS documents AR_H_CHANGE_SEQ, not AR_H_STREAM_POSITION, as ordered.
    expect(config.change_order_columns).toEqual({
      position_file: ['_cdc_commit_lsn', '_cdc_seq'],
      dms: ['_cdc_is_change', '_cdc_commit_ts', '_cdc_seq'],
    });
    const [orders] = config.database_sources;
    expect(orders?.latest_change_sql['dms']).toContain(
      'ORDER BY _cdc_is_change DESC, _cdc_commit_ts DESC, _cdc_seq DESC',
    );
    expect(orders?.latest_change_sql['position_file']).toContain('ORDER BY _cdc_commit_lsn DESC, _cdc_seq DESC');
    const script = renderGlueScript(jobByName('sales_order'), env);
    expect(script).toContain('if JOB["database_sources"] and CDC_POSITION_MODE == "position_file" else None');
  });
});
