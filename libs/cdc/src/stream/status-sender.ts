import type { ReplicationStream } from '../replication/replication-stream';
import type { AckTracker } from './ack-tracker';
import type { CdcEvents } from './cdc-events';

/**
 * Sends standby status updates (received and acknowledged LSN, from the tracker) and keeps sending
 * them every statusIntervalMs from a timer while a long flush or merge holds the loop, so
 * wal_sender_timeout never fires. A failing onStatusSent listener stops the run with its error.
 */
export class StatusSender {
  private lastSentMs = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly stream: ReplicationStream,
    private readonly tracker: AckTracker,
    private readonly statusIntervalMs: number,
    private readonly events: CdcEvents,
    private readonly onListenerError: (error: unknown) => void,
  ) {}

  /** When the last update went out (Date.now() ms). */
  get lastSent(): number {
    return this.lastSentMs;
  }

  send(replyRequested = false): void {
    const receivedLsn = this.tracker.received;
    const ackLsn = this.tracker.acknowledged;
    this.stream.sendStatus(receivedLsn, ackLsn, replyRequested);
    this.lastSentMs = Date.now();
    try {
      this.events.onStatusSent?.({ receivedLsn, ackLsn });
    } catch (error) {
      // Also called from the timer: a failing listener stops the run with its error instead of escaping.
      this.onListenerError(error);
    }
  }

  /** Sends when statusIntervalMs passed since the last update. */
  sendIfDue(now: number): void {
    if (now - this.lastSentMs >= this.statusIntervalMs) this.send();
  }

  startTimer(): void {
    this.timer = setInterval(() => this.sendIfDue(Date.now()), this.statusIntervalMs);
  }

  stopTimer(): void {
    clearInterval(this.timer);
  }
}
