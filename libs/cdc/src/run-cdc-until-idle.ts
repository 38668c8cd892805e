import { resolveOptions } from './options';
import { type CdcRunSummary, createRunner, type StartCdcOptions } from './stream/cdc-runner';

/**
 * The one-shot pass (`npm start`): full load when the slot has none, then stream until every
 * change committed before the call is in the raw zone, then stop gracefully.
 */
export async function runCdcUntilIdle(options: StartCdcOptions): Promise<CdcRunSummary> {
  return createRunner(resolveOptions(options), options, { untilIdle: true }).done;
}
