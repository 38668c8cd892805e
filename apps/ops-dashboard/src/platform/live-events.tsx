'use client';
import type { PlatformEvent, PlatformEventType } from '@autocorp/platform-client';
import { type ReactNode, createContext, useContext, useEffect, useRef, useState } from 'react';
import { platformClient } from './platform-api';

/**
 * Whether the API's event stream is open: `down` once it broke (the client keeps reconnecting); `unavailable` when
 * the profile has no live events (AWS: the API answered local-only).
 */
export type Connection = 'connecting' | 'up' | 'down' | 'unavailable';

export interface LiveEvents {
  readonly connection: Connection;
  /** Why the stream is down, as the client said it. */
  readonly problem: string | null;
  /** The most recent events (newest last, at most RECENT_LIMIT), progress events left out. */
  readonly recent: readonly PlatformEvent[];
  /** Counts events of each type seen so far: a page reloads its data when the types it shows change. */
  readonly seen: Readonly<Partial<Record<PlatformEventType, number>>>;
  /** Increments each time the stream (re)opens. */
  readonly opened: number;
}

const RECENT_LIMIT = 200;
const INITIAL: LiveEvents = { connection: 'connecting', problem: null, recent: [], seen: {}, opened: 0 };
const LiveEventsContext = createContext<LiveEvents>(INITIAL);

/** Subscribes once to GET /api/events for the whole app and shares what arrives. */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const [live, setLive] = useState<LiveEvents>(INITIAL);
  const pending = useRef<PlatformEvent[]>([]);
  useEffect(() => {
    let frame: ReturnType<typeof setTimeout> | undefined;
    // Events come in bursts (a micro-batch emits several): apply them together.
    const flush = () => {
      frame = undefined;
      const batch = pending.current;
      pending.current = [];
      setLive((before) => {
        const seen = { ...before.seen };
        for (const event of batch) seen[event.type] = (seen[event.type] ?? 0) + 1;
        const shown = batch.filter((e) => e.type !== 'progress');
        const recent = shown.length === 0 ? before.recent : [...before.recent, ...shown].slice(-RECENT_LIMIT);
        return { ...before, seen, recent };
      });
    };
    const subscription = platformClient().subscribe(
      (event) => {
        pending.current.push(event);
        frame ??= setTimeout(flush, 50);
      },
      {
        onOpen: () => setLive((before) => ({ ...before, connection: 'up', problem: null, opened: before.opened + 1 })),
        onError: (error) => {
          if (error.kind === 'invalid-response') return;
          if (error.localOnly)
            return setLive((before) => ({ ...before, connection: 'unavailable', problem: error.message }));
          setLive((before) => ({ ...before, connection: 'down', problem: error.message }));
        },
      },
    );
    return () => {
      subscription.close();
      if (frame !== undefined) clearTimeout(frame);
    };
  }, []);
  return <LiveEventsContext.Provider value={live}>{children}</LiveEventsContext.Provider>;
}

export function useLiveEvents(): LiveEvents {
  return useContext(LiveEventsContext);
}
