'use client';
import type { PlatformClient, PlatformEventType } from '@autocorp/platform-client';
import { PlatformClientError } from '@autocorp/platform-client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveEvents } from './live-events';
import { platformClient } from './platform-api';

export type ApiResult<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly data: T; readonly loadedAt: number; readonly refreshing: boolean }
  | { readonly state: 'error'; readonly error: PlatformClientError | Error; readonly down: boolean };

export interface UseApiOptions {
  /** Load again whenever an event of one of these types arrives (live updates, no reload). */
  readonly refreshOn?: readonly PlatformEventType[];
  /** Load again when these change (a selected table, a filter). */
  readonly key?: string;
}

/** Whether an error means the API does not answer at all (rather than answering an error). */
export function isApiDown(error: unknown): boolean {
  return error instanceof PlatformClientError && error.kind === 'network';
}

/**
 * Loads data through the platform client once the event stream has opened (or failed), and again when
 * the listed live events arrive or the stream reopens after the API was down. Keeps the last data while a refresh runs; one load at a time.
 */
export function useApi<T>(load: (client: PlatformClient) => Promise<T>, options: UseApiOptions = {}) {
  const [result, setResult] = useState<ApiResult<T>>({ state: 'loading' });
  const live = useLiveEvents();
  const loadRef = useRef(load);
  loadRef.current = load;
  const running = useRef(false);
  const again = useRef(false);
  const alive = useRef(true);

  const run = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    do {
      again.current = false;
      setResult((before) => (before.state === 'ready' ? { ...before, refreshing: true } : before));
      try {
        const data = await loadRef.current(platformClient());
        if (alive.current) setResult({ state: 'ready', data, loadedAt: Date.now(), refreshing: false });
      } catch (error) {
        if (alive.current)
          setResult({ state: 'error', error: error as Error, down: isApiDown(error) || live.connection === 'down' });
      }
    } while (again.current && alive.current);
    running.current = false;
  }, [live.connection]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const trigger = (options.refreshOn ?? []).map((type) => live.seen[type] ?? 0).join(',');
  // The first load waits for the event stream to open (or fail): then no change between the load and
  // the stream's start goes unseen, and the page loads once instead of again when the stream opens.
  const streamSettled = live.connection !== 'connecting';
  useEffect(() => {
    if (streamSettled) void run();
  }, [trigger, options.key, live.opened, streamSettled]);
  return { result, reload: run };
}
