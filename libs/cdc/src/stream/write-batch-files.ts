import { unlink } from 'node:fs/promises';
import { duckLiteral } from '../lake/duckdb-quote';
import { lakeProjection, type MetaColumnNames, PARQUET_OPTIONS } from '../lake/lake-projection';
import type { ObjectStore } from '../lake/object-store';
import type { ParquetStage } from '../lake/parquet-stage';
import { type ChangePosition, cdcFileKey } from '../lake/raw-layout';
import { unixMicrosToDate } from '../pg-time';
import type { BatchEntry } from './change-batch';

/** One CDC file written to the raw zone. */
export interface WrittenFile {
  readonly table: string;
  readonly key: string;
  readonly rows: number;
  readonly first: ChangePosition;
  readonly last: ChangePosition;
  /** Earliest and latest commit time of the file's changes. */
  readonly firstCommitTime: Date;
  readonly lastCommitTime: Date;
}

export interface WriteBatchInput {
  readonly stage: ParquetStage;
  readonly store: ObjectStore;
  readonly entries: readonly BatchEntry[];
  readonly maxRowsPerFile: number;
  readonly metaNames: MetaColumnNames;
  /** Per table, the time in the newest file name so far; names never go back in time. Updated. */
  readonly lastFileTime: Map<string, Date>;
}

interface Part {
  readonly part: bigint;
  readonly fl: bigint;
  readonly fs: bigint;
  readonly ll: bigint;
  readonly ls: bigint;
  readonly t0: bigint;
  readonly t1: bigint;
  readonly n: bigint;
}

/** Writes every staged shape as Parquet files of at most maxRowsPerFile rows, in commit order, durably. */
export async function writeBatchFiles(input: WriteBatchInput): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const entry of input.entries) {
    entry.staging.flushAppends();
    const source = entry.staging.name;
    const ordered = `${source}_ordered`;
    const max = input.maxRowsPerFile;
    await input.stage.run(`CREATE OR REPLACE TABLE ${ordered} AS SELECT row_number() OVER (ORDER BY _lsn, _seq) - 1 AS _rn, * FROM ${source}`);
    const parts = (await input.stage.rows(
      `SELECT _rn // ${max} AS part, arg_min(_lsn, _rn) AS fl, arg_min(_seq, _rn) AS fs, arg_max(_lsn, _rn) AS ll, arg_max(_seq, _rn) AS ls,
              min(_ts) AS t0, max(_ts) AS t1, count(*) AS n FROM ${ordered} GROUP BY 1 ORDER BY 1`,
    )) as unknown as Part[];
    const projection = lakeProjection(
      entry.shape.columns,
      { op: '_op', commitMicros: '_ts', commitLsn: '_lsn', seq: '_seq', column: (i) => `c${i}` },
      input.metaNames,
    );
    for (const part of parts) {
      const table = entry.shape.table;
      const previous = input.lastFileTime.get(table);
      const firstCommitTime = unixMicrosToDate(part.t0);
      const nameTime = previous && previous > firstCommitTime ? previous : firstCommitTime;
      const first = { lsn: part.fl, seq: Number(part.fs) };
      const last = { lsn: part.ll, seq: Number(part.ls) };
      const key = cdcFileKey(table, nameTime, first, last);
      const path = input.stage.tempFile('parquet');
      await input.stage.run(`COPY (SELECT ${projection} FROM ${ordered} WHERE _rn // ${max} = ${part.part} ORDER BY _rn) TO ${duckLiteral(path)} ${PARQUET_OPTIONS}`);
      await input.store.putFile(key, path, { move: true, contentType: 'application/vnd.apache.parquet' });
      await unlink(path).catch(() => undefined);
      input.lastFileTime.set(table, nameTime);
      written.push({ table, key, rows: Number(part.n), first, last, firstCommitTime, lastCommitTime: unixMicrosToDate(part.t1) });
    }
    await input.stage.run(`DROP TABLE IF EXISTS ${ordered}`);
  }
  return written;
}
