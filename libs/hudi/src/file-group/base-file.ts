import { randomUUID } from 'node:crypto';

/** A Copy-on-Write base file `<fileId>_<writeToken>_<instant>.parquet` in a partition. */
export interface BaseFile {
  fileId: string;
  writeToken: string;
  /** The instant that wrote this file (its file slice's base instant). */
  instant: string;
  /** File name without folders. */
  name: string;
  /** Partition path relative to the table ('' for non-partitioned tables). */
  partitionPath: string;
  /** Path relative to the table base path. */
  path: string;
  size: number;
}

const BASE_FILE = /^([^_]+)_(\d+-\d+-\d+)_(\d{14,17})\.parquet$/;

/** Parses a base file name; undefined when the name is not one (FSUtils file name layout). */
export function parseBaseFileName(
  name: string,
): Pick<BaseFile, 'fileId' | 'writeToken' | 'instant' | 'name'> | undefined {
  const m = BASE_FILE.exec(name);
  if (!m) return undefined;
  return { fileId: m[1] as string, writeToken: m[2] as string, instant: m[3] as string, name };
}

export function baseFileName(fileId: string, writeToken: string, instant: string): string {
  return `${fileId}_${writeToken}_${instant}.parquet`;
}

/** FSUtils.makeWriteToken: `<taskPartitionId>-<stageId>-<taskAttemptId>`. */
export function makeWriteToken(taskPartitionId: number, stageId: number, taskAttemptId: number): string {
  return `${taskPartitionId}-${stageId}-${taskAttemptId}`;
}

/** A new file group id: a UUID plus the `-0` file index suffix Spark writers use. */
export function newFileId(): string {
  return `${randomUUID()}-0`;
}

export function joinPath(partitionPath: string, name: string): string {
  return partitionPath === '' ? name : `${partitionPath}/${name}`;
}
