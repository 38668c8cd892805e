import type { BaseFile } from './base-file';

/** A file slice of a Copy-on-Write file group: one base file written at `baseInstant`. */
export interface FileSlice {
  fileId: string;
  partitionPath: string;
  baseInstant: string;
  baseFile: BaseFile;
}

/** All slices of one file group in one partition, oldest first. */
export interface FileGroup {
  fileId: string;
  partitionPath: string;
  slices: FileSlice[];
}

export function fileGroupKey(partitionPath: string, fileId: string): string {
  return `${partitionPath}/${fileId}`;
}
