'use client';

/** What the page shows if rendering fails: the error in words and a way back, never a blank screen. */
export default function ChatError({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <main className="chat-main">
      <div className="notice notice-error" role="alert" data-testid="page-error">
        The chat page failed: {error.message}. Reload the page; if it keeps failing, the browser console has the
        details.
      </div>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
