import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HudiWriteConfig } from '@autocorp/hudi/config';
import { cdcStateKeys, rawCsvPrefix, rawDatabasePrefix } from '@autocorp/lake-storage/layout';
import { describe, expect, it } from 'vitest';
import {
  GLUE_DRIVER_FILE,
  type GlueEnvironment,
  JOBS,
  glueJobArguments,
  glueJobConfig,
  gluePythonDir,
  hudiWriteOptions,
} from '../src/index';

const env: GlueEnvironment = {
  lakeUri: 's3://autocorp-lake-123/lake/',
  glueDatabase: 'autocorp',
  cdcSlot: 'orders_slot',
  tempUri: 's3://autocorp-lake-123/tmp',
  scriptsUri: 's3://autocorp-lake-123/scripts',
};

/** What the script computes, as glue_job.py does: `ARGS[...].rstrip("/") + "/" + folder`. */
const joined = (base: string | undefined, rest: string) => `${(base ?? '').replace(/\/+$/, '')}/${rest}`;

describe('the Glue script finds the lake and the Hudi options through the owners', () => {
  it('reads every raw source and the CDC position at the keys the lake layout gives', () => {
    const lake = env.lakeUri.replace(/\/+$/, '');
    for (const job of JOBS) {
      const args = glueJobArguments(job, env);
      const config = glueJobConfig(job);
      for (const source of config.database_sources) {
        expect(joined(args['--raw_path'], source.raw_folder)).toBe(`${lake}/${rawDatabasePrefix(source.table)}`);
      }
      for (const source of config.csv_sources) {
        expect(joined(args['--raw_path'], source.raw_folder)).toBe(`${lake}/${rawCsvPrefix(source.table)}`);
      }
      const slot = args['--cdc_slot'] ?? '';
      expect(slot).toBe(env.cdcSlot);
      const { before, after } = config.cdc_position_key;
      expect(joined(args['--lake_path'], `${before}${slot}${after}`)).toBe(`${lake}/${cdcStateKeys(slot).position}`);
    }
  });

  it('names the Hudi options by the registry keys, which the job options carry', () => {
    for (const job of JOBS) {
      const { hudi_keys: keys } = glueJobConfig(job);
      expect(keys).toEqual({
        operation: HudiWriteConfig.OPERATION.key,
        record_key_fields: HudiWriteConfig.RECORD_KEY_FIELDS.key,
        precombine_field: HudiWriteConfig.PRECOMBINE_FIELD.key,
      });
      const options = hudiWriteOptions(job);
      for (const key of Object.values(keys)) expect(options).toHaveProperty([key]);
    }
  });

  it('spells no Hudi option key and no lake folder in the driver', () => {
    const driver = readFileSync(path.join(gluePythonDir(), GLUE_DRIVER_FILE), 'utf8');
    expect(driver.match(/["']hoodie\.[^"']*["']/g) ?? []).toEqual([]);
    expect(driver.match(/["']\/?(?:state|database|csv)\/[^"']*["']/g) ?? []).toEqual([]);
  });
});
