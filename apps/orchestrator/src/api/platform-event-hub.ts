import type { PlatformEvent } from '@autocorp/platform-client';

/**
 * Fans the platform's live events out to subscribers (the API's event stream, metrics history,
 * the terminal status). A listener that throws is reported to `onListenerError` and stays subscribed.
 */
export class PlatformEventHub {
  private readonly listeners = new Set<(event: PlatformEvent) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  publish(event: PlatformEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  subscribe(listener: (event: PlatformEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }
}
