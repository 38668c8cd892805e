import type { PlatformEvent } from './platform-events';

export type PlatformListener = (event: PlatformEvent) => void;

/**
 * Fans the platform's events out to its subscribers (the status, the terminal, the API). A listener
 * that throws is reported through `onListenerError` and keeps its subscription; the others still run.
 */
export class EventHub {
  private readonly listeners = new Set<PlatformListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  subscribe(listener: PlatformListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(event: PlatformEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
