import type { Storage } from '../storage/storage';
import { HOODIE_FOLDER } from '../timeline/timeline';
import { type BaseFile, joinPath, parseBaseFileName } from './base-file';
import { type FileGroup, type FileSlice, fileGroupKey } from './file-slice';
import { PARTITION_METADATA_FILE } from './partition-metadata';

/** Which slices count: the completed data instants visible at a point in time, and the file groups replaced by then. */
export interface ViewFilter {
  completedInstants: Set<string>;
  replacedFileGroups: Map<string, string>;
  partitionFilter?: (partitionPath: string) => boolean;
}

/**
 * The table's files as listed from storage (the metadata table is disabled), grouped into file groups.
 * Visibility is decided per query by a ViewFilter built from the timeline.
 */
export class FileSystemView {
  private constructor(
    readonly partitions: string[],
    readonly fileGroups: FileGroup[],
  ) {}

  static async list(storage: Storage): Promise<FileSystemView> {
    const partitions: string[] = [];
    const files: BaseFile[] = [];
    const walk = async (folder: string): Promise<void> => {
      const entries = await storage.list(folder);
      let isPartition = false;
      for (const entry of entries) {
        if (entry.isDirectory) {
          if (!entry.name.startsWith('.') && !(folder === '' && entry.name === HOODIE_FOLDER))
            await walk(joinPath(folder, entry.name));
          continue;
        }
        if (entry.name === PARTITION_METADATA_FILE) isPartition = true;
        const parsed = parseBaseFileName(entry.name);
        if (parsed) {
          isPartition = true;
          files.push({ ...parsed, partitionPath: folder, path: joinPath(folder, entry.name), size: entry.size });
        }
      }
      if (isPartition) partitions.push(folder);
    };
    await walk('');
    const groups = new Map<string, FileGroup>();
    for (const file of files) {
      const key = fileGroupKey(file.partitionPath, file.fileId);
      let group = groups.get(key);
      if (!group) {
        group = { fileId: file.fileId, partitionPath: file.partitionPath, slices: [] };
        groups.set(key, group);
      }
      group.slices.push({
        fileId: file.fileId,
        partitionPath: file.partitionPath,
        baseInstant: file.instant,
        baseFile: file,
      });
    }
    for (const group of groups.values())
      group.slices.sort((a, b) => (a.baseInstant < b.baseInstant ? -1 : a.baseInstant > b.baseInstant ? 1 : 0));
    return new FileSystemView(partitions.sort(), [...groups.values()]);
  }

  /** Latest visible slice of every visible, non-replaced file group. */
  latestSlices(filter: ViewFilter): FileSlice[] {
    const out: FileSlice[] = [];
    for (const group of this.fileGroups) {
      if (filter.partitionFilter && !filter.partitionFilter(group.partitionPath)) continue;
      if (filter.replacedFileGroups.has(fileGroupKey(group.partitionPath, group.fileId))) continue;
      const visible = group.slices.filter((slice) => filter.completedInstants.has(slice.baseInstant));
      const latest = visible.at(-1);
      if (latest) out.push(latest);
    }
    return out.sort((a, b) => (a.baseFile.path < b.baseFile.path ? -1 : a.baseFile.path > b.baseFile.path ? 1 : 0));
  }
}
