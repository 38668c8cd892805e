'use client';
import { useState } from 'react';
import { dashboardQueryUrl } from '../chat/dashboard-link';

/** The SQL an answer ran: each statement copyable, and openable in the ops dashboard's query page. */
export function SqlView({ statements }: { statements: readonly string[] }) {
  const [copied, setCopied] = useState<number | null>(null);
  if (statements.length === 0) return null;
  const copy = async (i: number, sql: string) => {
    try {
      await navigator.clipboard.writeText(sql);
      setCopied(i);
    } catch {
      setCopied(null);
    }
  };
  return (
    <details className="sql" data-testid="sql-panel">
      <summary>SQL it ran ({statements.length})</summary>
      {statements.map((sql, i) => (
        <div key={i} className="sql-statement">
          <pre data-testid="sql-text">
            <code>{sql}</code>
          </pre>
          <div className="row">
            <button type="button" onClick={() => void copy(i, sql)}>
              {copied === i ? 'Copied' : 'Copy SQL'}
            </button>
            <a
              href={dashboardQueryUrl(
                sql,
                process.env.NEXT_PUBLIC_DASHBOARD_URL,
                typeof window === 'undefined' ? '' : window.location.origin,
              )}
              data-testid="open-in-dashboard"
            >
              Open in the dashboard’s query page
            </a>
            <span className="visually-hidden" aria-live="polite">
              {copied === i ? 'SQL copied to the clipboard' : ''}
            </span>
          </div>
        </div>
      ))}
    </details>
  );
}
