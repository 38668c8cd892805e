'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { askChat } from '../platform/chat-api';
import { type Turn, applyEvent, describeFailure, startTurn } from './turn';

/**
 * The conversation of this page: its turns, and `ask` to send a question (a follow-up in the same
 * conversation once the first answer named its id). One question at a time; leaving aborts it.
 */
export function useConversation() {
  const [turns, setTurns] = useState<readonly Turn[]>([]);
  const conversationId = useRef<string | undefined>(undefined);
  const nextId = useRef(1);
  const abort = useRef<AbortController | null>(null);
  const busy = turns.at(-1)?.status === 'streaming';

  useEffect(() => () => abort.current?.abort(), []);

  const update = (id: number, change: (turn: Turn) => Turn) =>
    setTurns((all) => all.map((t) => (t.id === id ? change(t) : t)));

  const ask = useCallback(async (question: string) => {
    const id = nextId.current++;
    setTurns((all) => [...all, startTurn(id, question)]);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const done = await askChat(
        question,
        conversationId.current,
        (event) => update(id, (t) => applyEvent(t, event)),
        controller.signal,
      );
      conversationId.current = done.conversationId;
      update(id, (t) => (t.status === 'streaming' ? applyEvent(t, { type: 'answer', ...done }) : t));
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = describeFailure(error);
      if (failure.kind === 'conversation-gone') conversationId.current = undefined;
      update(id, (t) => (t.status === 'failed' ? t : { ...t, status: 'failed', activity: null, failure }));
    }
  }, []);

  return { turns, busy, ask };
}
