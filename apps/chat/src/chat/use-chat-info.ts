'use client';
import { useCallback, useEffect, useState } from 'react';
import { loadChatInfo } from '../platform/chat-api';
import type { ChatInfo } from '../platform/chat-types';
import { type Failure, describeFailure } from './turn';

export type InfoState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly info: ChatInfo }
  | { readonly state: 'failed'; readonly failure: Failure };

/** The provider in use and the starter questions, loaded once (and again on `reload`). */
export function useChatInfo() {
  const [info, setInfo] = useState<InfoState>({ state: 'loading' });
  const reload = useCallback(async () => {
    setInfo({ state: 'loading' });
    try {
      setInfo({ state: 'ready', info: await loadChatInfo() });
    } catch (error) {
      setInfo({ state: 'failed', failure: describeFailure(error) });
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  return { info, reload };
}
