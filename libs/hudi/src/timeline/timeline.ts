import { HudiError } from '../hudi-error';
import type { Storage } from '../storage/storage';
import { type CommitMetadata, parseCommitMetadata } from './commit-metadata';
import { type Instant, type InstantAction, instantFileName, isWriteAction, parseInstantFileName } from './instant';

export const HOODIE_FOLDER = '.hoodie';

const STATE_ORDER = { requested: 0, inflight: 1, completed: 2 } as const;

/** The active timeline: every instant in `.hoodie/`, each at its most advanced state, in time order. */
export class Timeline {
  private readonly metadataCache = new Map<string, CommitMetadata>();

  private constructor(
    private readonly storage: Storage,
    readonly instants: Instant[],
  ) {}

  static async load(storage: Storage): Promise<Timeline> {
    const entries = await storage.list(HOODIE_FOLDER);
    const latest = new Map<string, Instant>();
    for (const entry of entries) {
      if (entry.isDirectory) continue;
      const instant = parseInstantFileName(entry.name);
      if (!instant) continue;
      const key = `${instant.timestamp}.${instant.action}`;
      const seen = latest.get(key);
      if (!seen || STATE_ORDER[instant.state] > STATE_ORDER[seen.state]) latest.set(key, instant);
    }
    const instants = [...latest.values()].sort((a, b) =>
      a.timestamp === b.timestamp ? a.action.localeCompare(b.action) : a.timestamp < b.timestamp ? -1 : 1,
    );
    return new Timeline(storage, instants);
  }

  /** Completed commits and replace commits (the instants that change data), oldest first. */
  completedWrites(): Instant[] {
    return this.instants.filter((i) => i.state === 'completed' && isWriteAction(i.action));
  }

  /** Completed data-changing instants at or before `asOf` (all when undefined). */
  completedWritesUpTo(asOf?: string): Instant[] {
    return this.completedWrites().filter((i) => asOf === undefined || i.timestamp <= asOf);
  }

  /** Data-changing instants that never completed (crashed or running writers). */
  pendingWrites(): Instant[] {
    return this.instants.filter((i) => i.state !== 'completed' && isWriteAction(i.action));
  }

  pending(action: InstantAction): Instant[] {
    return this.instants.filter((i) => i.state !== 'completed' && i.action === action);
  }

  completed(action: InstantAction): Instant[] {
    return this.instants.filter((i) => i.state === 'completed' && i.action === action);
  }

  lastInstantTime(): string | undefined {
    return this.instants.at(-1)?.timestamp;
  }

  /** Commit metadata of a completed commit or replace commit. */
  async commitMetadata(instant: Instant): Promise<CommitMetadata> {
    const name = instantFileName(instant);
    const cached = this.metadataCache.get(name);
    if (cached) return cached;
    const path = `${HOODIE_FOLDER}/${name}`;
    const text = (await this.storage.read(path)).toString('utf8');
    const meta = parseCommitMetadata(text, this.storage.locate(path));
    this.metadataCache.set(name, meta);
    return meta;
  }

  /** File ids replaced (by insert_overwrite / clustering) by completed replace commits at or before `asOf`, keyed `partition/fileId`. */
  async replacedFileGroups(asOf?: string): Promise<Map<string, string>> {
    const replaced = new Map<string, string>();
    for (const instant of this.completedWritesUpTo(asOf)) {
      if (instant.action !== 'replacecommit') continue;
      const meta = await this.commitMetadata(instant);
      for (const [partition, fileIds] of Object.entries(meta.partitionToReplaceFileIds ?? {})) {
        for (const fileId of fileIds) replaced.set(`${partition}/${fileId}`, instant.timestamp);
      }
    }
    return replaced;
  }

  /** The table's Avro schema as the latest completed write recorded it, if any. */
  async latestCommitSchema(): Promise<string | undefined> {
    const writes = this.completedWrites();
    for (let i = writes.length - 1; i >= 0; i--) {
      const meta = await this.commitMetadata(writes[i] as Instant);
      const schema = meta.extraMetadata['schema'];
      if (schema) return schema;
    }
    return undefined;
  }

  /** Throws corrupt-timeline when the instant is not on this timeline in a completed state. */
  requireCompleted(timestamp: string): Instant {
    const found = this.instants.find((i) => i.timestamp === timestamp && i.state === 'completed');
    if (!found) {
      throw new HudiError(
        'corrupt-timeline',
        `Instant ${timestamp} is not a completed instant of ${this.storage.root}; pick one of: ${
          this.completedWrites()
            .map((i) => i.timestamp)
            .join(', ') || '(none)'
        }.`,
      );
    }
    return found;
  }
}
