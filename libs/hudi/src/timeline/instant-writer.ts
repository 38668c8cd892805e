import type { Storage } from '../storage/storage';
import { type Instant, type InstantAction, instantFileName } from './instant';
import { HOODIE_FOLDER } from './timeline';

/** Writes instant files; each file is written atomically so a reader never sees a partial instant. */
export class InstantWriter {
  constructor(private readonly storage: Storage) {}

  async write(
    timestamp: string,
    action: InstantAction,
    state: Instant['state'],
    content: Uint8Array | string = '',
  ): Promise<void> {
    await this.storage.writeAtomic(`${HOODIE_FOLDER}/${instantFileName({ timestamp, action, state })}`, content);
  }

  /** Removes the requested and inflight files of an instant (after its rollback), leaving no trace on the timeline. */
  async removePending(timestamp: string, action: InstantAction): Promise<void> {
    await this.storage.delete(`${HOODIE_FOLDER}/${instantFileName({ timestamp, action, state: 'inflight' })}`);
    await this.storage.delete(`${HOODIE_FOLDER}/${instantFileName({ timestamp, action, state: 'requested' })}`);
  }
}

/** Folder of direct write markers of an instant: `.hoodie/.temp/<instant>`. */
export function markerFolder(instant: string): string {
  return `${HOODIE_FOLDER}/.temp/${instant}`;
}
