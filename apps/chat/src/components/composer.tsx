'use client';
import { type FormEvent, type KeyboardEvent, type RefObject, useState } from 'react';

export const QUESTION_MAX = 2000;

/** The question box: Enter sends, Shift+Enter starts a new line; disabled while an answer streams. */
export function Composer({
  onAsk,
  busy,
  inputRef,
}: {
  onAsk: (question: string) => void;
  busy: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const [text, setText] = useState('');
  const send = () => {
    const question = text.trim();
    if (question === '' || busy) return;
    setText('');
    onAsk(question);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send();
  };
  return (
    <form className="composer" onSubmit={onSubmit} aria-label="Ask a question">
      <label htmlFor="question" className="visually-hidden">
        Your question (Enter sends, Shift+Enter starts a new line)
      </label>
      <textarea
        id="question"
        ref={inputRef}
        value={text}
        maxLength={QUESTION_MAX}
        rows={2}
        placeholder="Ask about parts, services, sales…"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="composer-hint"
      />
      <button type="submit" disabled={busy || text.trim() === ''}>
        {busy ? 'Answering…' : 'Send'}
      </button>
      <span id="composer-hint" className="visually-hidden">
        Answers appear above and are read out as they arrive.
      </span>
    </form>
  );
}
