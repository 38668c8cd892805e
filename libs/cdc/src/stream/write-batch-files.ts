import { unlink } from 'node:fs/promises';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import { lakeProjection, type MetaColumnNames, PARQUET_OPTIONS } from '../lake/lake-projection';
import type { ObjectStore } from '../lake/object-store';
import type { ParquetStage } from '../lake/parquet-stage';
import { type ChangePosition, cdcFileKey } from '@autocorp/lake-storage';
import { unixMicrosToDate } from '../pg-time';
import type { BatchEntry, Segment } from './change-batch';
import { BATCH_META, readCsvSql, stagedColumns } from './staged-csv';

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

/** A part of a segment that becomes one file: where its rows are and what they span. */
interface Part {
  readonly select: string;
  readonly rows: number;
  readonly first: ChangePosition;
  readonly last: ChangePosition;
  readonly minCommitMicros: bigint;
  readonly maxCommitMicros: bigint;
}

interface TablePartRow {
  readonly part: bigint;
  readonly fl: bigint;
  readonly fs: bigint;
  readonly ll: bigint;
  readonly ls: bigint;
  readonly n: bigint;
}

/** Writes every staged segment as Parquet files of at most maxRowsPerFile rows, in commit order, durably. */
export async function writeBatchFiles(input: WriteBatchInput): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  for (const entry of input.entries) {
    const projection = lakeProjection(
      entry.shape.columns,
      { op: '_op', commitMicros: '_ts', commitLsn: '_lsn', seq: '_seq', column: (i) => `c${i}` },
      input.metaNames,
    );
    const columns = stagedColumns(BATCH_META, entry.shape.columns.length);
    for (const segment of entry.segments()) {
      for (const part of await segmentParts(input, segment, columns)) {
        const table = entry.shape.table;
        const previous = input.lastFileTime.get(table);
        const firstCommitTime = unixMicrosToDate(part.minCommitMicros);
        const nameTime = previous && previous > firstCommitTime ? previous : firstCommitTime;
        const key = cdcFileKey(table, nameTime, part.first, part.last);
        const path = input.stage.tempFile('parquet');
        await input.stage.run(
          `COPY (SELECT ${projection} FROM ${part.select}) TO ${quoteLiteral(path)} ${PARQUET_OPTIONS}`,
        );
        await input.store.putFile(key, path, { move: true, contentType: 'application/vnd.apache.parquet' });
        await unlink(path).catch(() => undefined);
        input.lastFileTime.set(table, nameTime);
        written.push({
          table,
          key,
          rows: part.rows,
          first: part.first,
          last: part.last,
          firstCommitTime,
          lastCommitTime: unixMicrosToDate(part.maxCommitMicros),
        });
      }
    }
  }
  return written;
}

/**
 * A CSV segment is one part (its rows were appended in commit order, at most maxRowsPerFile, so
 * the file keeps their order as read). A table segment (a streamed commit) is split by `_rn`.
 */
async function segmentParts(
  input: WriteBatchInput,
  segment: Segment,
  columns: ReturnType<typeof stagedColumns>,
): Promise<Part[]> {
  if (segment.source === 'csv') {
    return [{ ...segment, select: readCsvSql(segment.name, columns, segment.maxRowBytes) }];
  }
  const max = input.maxRowsPerFile;
  if (segment.rows <= max) return [{ ...segment, select: `${segment.name} ORDER BY _rn` }];
  const parts = (await input.stage.rows(
    `SELECT (_rn - 1) // ${max} AS part, arg_min(_lsn, _rn) AS fl, arg_min(_seq, _rn) AS fs, arg_max(_lsn, _rn) AS ll, arg_max(_seq, _rn) AS ls, count(*) AS n
       FROM ${segment.name} GROUP BY 1 ORDER BY 1`,
  )) as unknown as TablePartRow[];
  return parts.map((p) => ({
    select: `${segment.name} WHERE (_rn - 1) // ${max} = ${p.part} ORDER BY _rn`,
    rows: Number(p.n),
    first: { lsn: p.fl, seq: Number(p.fs) },
    last: { lsn: p.ll, seq: Number(p.ls) },
    minCommitMicros: segment.minCommitMicros,
    maxCommitMicros: segment.maxCommitMicros,
  }));
}
