import { EtlJobsError } from '../etl-jobs-error';

/** Where a deployed job reads and writes on AWS. */
export interface GlueEnvironment {
  /** The lake, `s3://bucket[/prefix]`: `raw/`, `processed/`, `curated/`, `state/` under it. */
  readonly lakeUri: string;
  /** Glue Data Catalog database the Hudi tables are synced to. */
  readonly glueDatabase: string;
  /** The CDC replication slot whose committed position bounds the raw files read. */
  readonly cdcSlot: string;
  /** Glue's temporary folder, `s3://...`. */
  readonly tempUri: string;
  /** Folder of the job scripts, `s3://...`. */
  readonly scriptsUri: string;
}

const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;

function trimSlash(uri: string): string {
  return uri.replace(/\/+$/, '');
}

/** Checks the environment and returns it with trailing slashes removed. */
export function normalizeGlueEnvironment(env: GlueEnvironment): GlueEnvironment {
  for (const [name, value] of Object.entries({ lakeUri: env.lakeUri, tempUri: env.tempUri, scriptsUri: env.scriptsUri })) {
    if (!S3_URI.test(value)) {
      throw new EtlJobsError('invalid-environment', `Glue environment ${name} "${value}" is not an s3://bucket/prefix URI; pass the S3 location.`);
    }
  }
  if (!/^[a-z0-9_]+$/.test(env.glueDatabase)) {
    throw new EtlJobsError('invalid-environment', `Glue database "${env.glueDatabase}" must be lower-case letters, digits and underscores.`);
  }
  if (!/^[a-z0-9_]+$/.test(env.cdcSlot)) {
    throw new EtlJobsError('invalid-environment', `CDC slot "${env.cdcSlot}" must be lower-case letters, digits and underscores (a PostgreSQL slot name).`);
  }
  return { ...env, lakeUri: trimSlash(env.lakeUri), tempUri: trimSlash(env.tempUri), scriptsUri: trimSlash(env.scriptsUri) };
}
