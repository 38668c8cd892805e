import type { PlatformEvent } from '@autocorp/platform-client';

export interface LoggedEvent {
  /** `<log id>-<sequence>`: resumable within the same log (one server run). */
  readonly id: string;
  readonly event: PlatformEvent;
}

/**
 * The last `capacity` events with their stream ids, so a client that reconnects with Last-Event-ID
 * gets what it missed; appends are fanned out to the open streams.
 */
export class EventLog {
  private readonly entries: LoggedEvent[] = [];
  private readonly listeners = new Set<(entry: LoggedEvent) => void>();
  private sequence = 0;

  constructor(
    private readonly logId: string,
    private readonly capacity = 1000,
  ) {}

  append(event: PlatformEvent): LoggedEvent {
    const entry = { id: `${this.logId}-${++this.sequence}`, event };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    for (const listener of [...this.listeners]) listener(entry);
    return entry;
  }

  /** The events after `lastEventId` still held; none when the id is from another log or unknown. */
  after(lastEventId: string | undefined): LoggedEvent[] {
    if (lastEventId === undefined) return [];
    const dash = lastEventId.lastIndexOf('-');
    if (dash <= 0 || lastEventId.slice(0, dash) !== this.logId) return [];
    const sequence = Number(lastEventId.slice(dash + 1));
    if (!Number.isInteger(sequence)) return [];
    return this.entries.filter((entry) => Number(entry.id.slice(dash + 1)) > sequence);
  }

  listen(listener: (entry: LoggedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
