import type { CdcOptions } from '@autocorp/cdc';
import { DEFAULT_CDC_SLOT } from '@autocorp/lake-storage';
import type { SourceDb } from '@autocorp/source-db';
import type { CommandIo, OptionSpec, ParsedValues } from '../../cli/command';
import { numberOption } from '../../cli/option-values';
import { LAKE_OPTION, openLake } from '../lake';

export const CDC_COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  slot: {
    type: 'string',
    default: DEFAULT_CDC_SLOT,
    valueName: '<name>',
    description: 'Replication slot (and publication) name',
  },
  lake: LAKE_OPTION,
};

export const CDC_STREAM_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...CDC_COMMON_OPTIONS,
  'cut-ms': {
    type: 'string',
    default: '1000',
    valueName: '<ms>',
    description: 'Cut a CDC file this long after its oldest change arrived',
  },
  'max-rows': { type: 'string', default: '500000', valueName: '<n>', description: 'Most rows in one Parquet file' },
};

/** CDC options from the command line and the opened source database. */
export function cdcOptions(values: ParsedValues, db: SourceDb, io: CommandIo): CdcOptions {
  const slot = String(values.slot ?? DEFAULT_CDC_SLOT);
  return {
    connection: db.connectionConfig,
    store: openLake(io, values.lake),
    slotName: slot,
    publicationName: slot,
    ...(values['cut-ms'] !== undefined
      ? { cutIntervalMs: numberOption(values['cut-ms'], 'cut-ms', { integer: true, min: 1 }) }
      : {}),
    ...(values['max-rows'] !== undefined
      ? { maxRowsPerFile: numberOption(values['max-rows'], 'max-rows', { integer: true, min: 1 }) }
      : {}),
  };
}
