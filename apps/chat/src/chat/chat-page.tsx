'use client';
import { useEffect, useRef } from 'react';
import { AnswerView } from '../components/answer-view';
import { Composer } from '../components/composer';
import { FailureNotice } from '../components/failure-notice';
import { ProviderBadge, providerName } from '../components/provider-badge';
import { useChatInfo } from './use-chat-info';
import { useConversation } from './use-conversation';

/** The chat: provider and starters from /api/chat/info, the conversation, and the question box. */
export function ChatPage() {
  const { info, reload } = useChatInfo();
  const ready = info.state === 'ready' ? info.info : null;
  const { turns, busy, ask } = useConversation();
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const endRef = useRef<HTMLDivElement | null>(null);

  // Focus returns to the question box whenever an answer is complete (and on load).
  useEffect(() => {
    if (!busy) inputRef.current?.focus();
  }, [busy]);
  // Braces: Chromium's scrollIntoView returns a promise, and an effect may return only its clean-up.
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [turns]);

  const onAsk = (question: string) => {
    if (info.state === 'failed') void reload();
    void ask(question);
  };

  return (
    <div className="chat">
      <header className="chat-header">
        <h1>AutoCorp Assistant</h1>
        {info.state === 'ready' ? <ProviderBadge info={info.info} /> : null}
        <a className="small" href="/">
          Ops dashboard
        </a>
      </header>
      <main id="main" className="chat-main">
        {info.state === 'loading' ? (
          <p className="muted" role="status" data-testid="loading">
            Connecting to the assistant…
          </p>
        ) : null}
        {info.state === 'failed' ? (
          <div>
            <FailureNotice failure={info.failure} />
            <button type="button" onClick={() => void reload()}>
              Try again
            </button>
          </div>
        ) : null}
        {ready && !ready.ready ? (
          <div className="notice notice-error" role="alert" data-testid="provider-not-ready">
            The {providerName(ready)} provider is not ready: {ready.reason ?? 'no reason given'}.
          </div>
        ) : null}
        {turns.length === 0 && ready ? (
          <section aria-labelledby="starters-title" className="starters">
            <h2 id="starters-title">Ask the data</h2>
            <p className="muted">Answers come from the lakehouse’s curated tables, with the SQL and sources shown.</p>
            <ul data-testid="starters">
              {ready.starters.map((q) => (
                <li key={q}>
                  <button type="button" onClick={() => onAsk(q)} disabled={busy}>
                    {q}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <ol className="conversation" aria-label="Conversation" data-testid="conversation">
          {turns.map((turn) => (
            <AnswerView key={turn.id} turn={turn} />
          ))}
        </ol>
        <div ref={endRef} />
      </main>
      <footer className="chat-footer">
        <Composer onAsk={onAsk} busy={busy} inputRef={inputRef} />
      </footer>
    </div>
  );
}
