import { EtlJobsError } from '../etl-jobs-error';

/**
 * How a deployed job bounds and orders the raw database files (job argument `--cdc_position_mode`):
 * - `dms`: AWS DMS wrote them; every delivered file holds committed changes only, so all are read, and
 *   changes are ordered by DMS's commit timestamp column and `$AR_H_CHANGE_SEQ` (`_cdc_seq`, as a number) the
 *   DMS table mapping adds (`renderDmsChangesSelect`, `renderLatestChangeSelect(source, 'dms')`).
 * - `position_file`: @autocorp/cdc wrote them; only changes at or below
 *   `<lake>/state/cdc/<slot>/position.json` are read, ordered by the numeric LSN and seq.
 */
export type CdcPositionMode = 'dms' | 'position_file';

export const CDC_POSITION_MODES: readonly CdcPositionMode[] = ['dms', 'position_file'];

/** Where a deployed job reads and writes on AWS. */
export interface GlueEnvironment {
  /**
   * The lake, `s3://bucket[/prefix]`: `raw/`, `processed/`, `curated/`, `state/` under it. With one bucket per
   * zone, pass the raw bucket here and the zone locations as `--raw_path`, `--processed_path`, `--curated_path`
   * (they override the defaults derived from this URI).
   */
  readonly lakeUri: string;
  /** Glue Data Catalog database the Hudi tables are synced to. */
  readonly glueDatabase: string;
  /** The CDC replication slot whose committed position bounds the raw files read. */
  readonly cdcSlot: string;
  /** Glue's temporary folder, `s3://...`. */
  readonly tempUri: string;
  /** Folder of the job scripts, `s3://...`. */
  readonly scriptsUri: string;
  /** Default `dms`: on AWS the CDK deploys DMS, which writes no position file. */
  readonly cdcPositionMode?: CdcPositionMode;
}

const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;

function trimSlash(uri: string): string {
  return uri.replace(/\/+$/, '');
}

/** Checks the environment and returns it with trailing slashes removed. */
export function normalizeGlueEnvironment(env: GlueEnvironment): GlueEnvironment {
  for (const [name, value] of Object.entries({
    lakeUri: env.lakeUri,
    tempUri: env.tempUri,
    scriptsUri: env.scriptsUri,
  })) {
    if (!S3_URI.test(value)) {
      throw new EtlJobsError(
        'invalid-environment',
        `Glue environment ${name} "${value}" is not an s3://bucket/prefix URI; pass the S3 location.`,
      );
    }
  }
  if (!/^[a-z0-9_]+$/.test(env.glueDatabase)) {
    throw new EtlJobsError(
      'invalid-environment',
      `Glue database "${env.glueDatabase}" must be lower-case letters, digits and underscores.`,
    );
  }
  if (!/^[a-z0-9_]+$/.test(env.cdcSlot)) {
    throw new EtlJobsError(
      'invalid-environment',
      `CDC slot "${env.cdcSlot}" must be lower-case letters, digits and underscores (a PostgreSQL slot name).`,
    );
  }
  const mode = env.cdcPositionMode ?? 'dms';
  if (!CDC_POSITION_MODES.includes(mode)) {
    throw new EtlJobsError(
      'invalid-environment',
      `CDC position mode "${String(mode)}" is unknown; use ${CDC_POSITION_MODES.join(' or ')}.`,
    );
  }
  return {
    ...env,
    lakeUri: trimSlash(env.lakeUri),
    tempUri: trimSlash(env.tempUri),
    scriptsUri: trimSlash(env.scriptsUri),
    cdcPositionMode: mode,
  };
}
