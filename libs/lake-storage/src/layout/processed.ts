import { validateKey } from '../keys';
import { ZONES, keySegment } from './zones';

/** `processed/<table>/` */
export function processedPrefix(table: string): string {
  return `${ZONES.processed}${keySegment('table name', table)}/`;
}

/** `processed/<table>/<relative path>` */
export function processedKey(table: string, relativePath: string): string {
  return validateKey(`${processedPrefix(table)}${relativePath}`);
}

/** `processed/quarantine/<job>/`: the rows an ETL job quarantined (the Glue jobs' `--quarantine_path` too). */
export function quarantinePrefix(job: string): string {
  return `${processedPrefix('quarantine')}${keySegment('job name', job)}/`;
}

/** `processed/quarantine/<job>/batch=<batch id>.parquet`: the quarantined rows of one input batch. */
export function quarantineKey(job: string, batchId: string): string {
  return validateKey(`${quarantinePrefix(job)}batch=${keySegment('batch id', batchId)}.parquet`);
}
