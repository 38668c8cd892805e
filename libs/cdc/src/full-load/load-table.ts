import { open } from 'node:fs/promises';
import { unlink } from 'node:fs/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { quoteIdentifier, quoteLiteral } from '@autocorp/duckdb/sql';
import type { SourceColumn } from '../lake/column-types';
import { lakeProjection, type MetaColumnNames, PARQUET_OPTIONS } from '../lake/lake-projection';
import type { ObjectStore } from '../lake/object-store';
import type { ParquetStage } from '../lake/parquet-stage';
import { loadFileKey } from '@autocorp/lake-storage';
import type { Lsn } from '../lsn';
import { CsvRecordSplitter } from './csv-record-splitter';

export interface LoadTableInput {
  readonly client: pg.Client;
  readonly stage: ParquetStage;
  readonly store: ObjectStore;
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly SourceColumn[];
  readonly maxRowsPerFile: number;
  readonly consistentPoint: Lsn;
  readonly commitMicros: bigint;
  readonly metaNames: MetaColumnNames;
  readonly onRows?: (rows: number) => void;
}

export interface LoadTableResult {
  readonly rows: number;
  readonly files: readonly string[];
}

/**
 * Streams one table (inside the caller's snapshot transaction) with COPY TO STDOUT as CSV into
 * part files of at most maxRowsPerFile records; DuckDB turns each part into Parquet while the
 * next part streams, and the store takes each file as `LOADnnnnnnnn.parquet`.
 */
export async function loadTable(input: LoadTableInput): Promise<LoadTableResult> {
  const { client, stage, table, columns } = input;
  const select = `SELECT ${columns.map((c) => quoteIdentifier(c.name)).join(', ')} FROM ${quoteIdentifier(input.schema)}.${quoteIdentifier(table)}`;
  const copy = client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT csv)`));
  const splitter = new CsvRecordSplitter();
  const files: string[] = [];
  const conversions: Promise<void>[] = [];
  let totalRows = 0;
  let partRows = 0;
  let partNumber = 1;
  let partPath = stage.tempFile('csv');
  let part = await open(partPath, 'w');

  const closePart = async (): Promise<void> => {
    await part.close();
    const number = partNumber;
    const csvPath = partPath;
    // Convert in the background (DuckDB runs on its own threads) while the next part streams.
    conversions.push(convertPart(input, csvPath, number).then((key) => void (files[number - 1] = key)));
    partNumber += 1;
    partRows = 0;
    partPath = stage.tempFile('csv');
    part = await open(partPath, 'w');
  };

  try {
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      let start = 0;
      while (start < chunk.length) {
        const { end, records } = splitter.scan(chunk, start, input.maxRowsPerFile - partRows);
        await part.write(chunk.subarray(start, end));
        partRows += records;
        totalRows += records;
        if (records > 0) input.onRows?.(records);
        start = end;
        if (partRows === input.maxRowsPerFile) await closePart();
      }
    }
    await part.close();
    // A last part with no rows is written only when the table is empty (so its schema reaches the lake).
    if (partRows > 0 || partNumber === 1)
      conversions.push(convertPart(input, partPath, partNumber).then((key) => void (files[partNumber - 1] = key)));
    else await unlink(partPath);
    await Promise.all(conversions);
  } catch (error) {
    await Promise.allSettled(conversions);
    await part.close().catch(() => undefined);
    throw error;
  }
  return { rows: totalRows, files };
}

async function convertPart(input: LoadTableInput, csvPath: string, number: number): Promise<string> {
  const { stage, columns } = input;
  const parquetPath = stage.tempFile('parquet');
  const csvColumns = `{${columns.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
  const projection = lakeProjection(
    columns,
    {
      op: `'I'`,
      commitMicros: `${input.commitMicros}::BIGINT`,
      commitLsn: `${input.consistentPoint}::BIGINT`,
      seq: '0::BIGINT',
      column: (i) => `c${i}`,
    },
    input.metaNames,
  );
  const reader = `read_csv(${quoteLiteral(csvPath)}, header = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, auto_detect = false, columns = ${csvColumns})`;
  await stage.runIsolated(
    `COPY (SELECT ${projection} FROM ${reader}) TO ${quoteLiteral(parquetPath)} ${PARQUET_OPTIONS}`,
  );
  await unlink(csvPath);
  const key = loadFileKey(input.table, number);
  await input.store.putFile(key, parquetPath, { move: true, contentType: 'application/vnd.apache.parquet' });
  await unlink(parquetPath).catch(() => undefined);
  return key;
}
