import type { ChatAnswer } from '../platform/chat-types';

/** Where an answer's facts come from, collapsed until asked for. */
export function Citations({ citations }: { citations: ChatAnswer['citations'] }) {
  if (citations.length === 0) return null;
  return (
    <details className="citations" data-testid="citations">
      <summary>Sources ({citations.length})</summary>
      <ul>
        {citations.map((c, i) =>
          c.kind === 'document' ? (
            <li key={i} data-citation={c.id}>
              {c.title} <span className="muted small">({c.id})</span>
            </li>
          ) : (
            <li key={i} data-citation={`table:${c.table}`}>
              Table <code>{c.table}</code>
              <span className="muted small"> {c.commit ? `at commit ${c.commit}` : '(no commit yet)'}</span>
            </li>
          ),
        )}
      </ul>
    </details>
  );
}
