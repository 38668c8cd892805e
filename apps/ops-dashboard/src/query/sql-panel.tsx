'use client';
import type { QueryResultResponse } from '@autocorp/platform-client';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiDownNotice } from '../components/api-state';
import { platformClient } from '../platform/platform-api';
import { isApiDown } from '../platform/use-api';
import { QueryResultView } from './query-result-view';

const EXAMPLE =
  'SELECT order_type, count(*) AS orders, sum(total_amount) AS revenue\nFROM sales_order\nGROUP BY order_type\nORDER BY revenue DESC';

/** Read-only SQL over the curated tables (the API's query guard refuses anything but one SELECT/WITH). */
export function SqlPanel() {
  const [sql, setSql] = useState(EXAMPLE);
  // `?sql=` (the chat app's "open in the dashboard's query page") fills the editor.
  useEffect(() => {
    const given = new URLSearchParams(window.location.search).get('sql');
    if (given) setSql(given);
  }, []);
  const [asOf, setAsOf] = useState('');
  const [running, setRunning] = useState(false);
  const [answer, setAnswer] = useState<{ result: QueryResultResponse } | { error: Error } | null>(null);
  const body = () => ({ sql, ...(asOf.trim() ? { asOf: asOf.trim() } : {}) });
  const run = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    try {
      setAnswer({ result: await platformClient().sql({ body: body() }) });
    } catch (error) {
      setAnswer({ error: error as Error });
    } finally {
      setRunning(false);
    }
  };
  const download = async () => {
    try {
      const text = await platformClient().csv('sql', { body: { ...body(), maxRows: 10_000 } });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      link.download = 'query.csv';
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setAnswer({ error: error as Error });
    }
  };
  return (
    <section className="panel" aria-labelledby="sql-title">
      <h2 id="sql-title">SQL (read-only)</h2>
      <form onSubmit={run} aria-label="SQL query">
        <label>
          One SELECT or WITH over the curated tables
          <textarea value={sql} onChange={(e) => setSql(e.target.value)} spellCheck={false} />
        </label>
        <div className="row">
          <label>
            As of (instant or time)
            <input value={asOf} placeholder="latest" onChange={(e) => setAsOf(e.target.value)} />
          </label>
          <button type="submit" disabled={running}>
            {running ? 'Running…' : 'Run SQL'}
          </button>
          <button type="button" className="secondary" onClick={() => void download()}>
            Download CSV
          </button>
        </div>
      </form>
      {answer === null ? null : 'error' in answer ? (
        isApiDown(answer.error) ? (
          <ApiDownNotice detail={answer.error.message} />
        ) : (
          <div className="notice notice-error" role="alert">
            {answer.error.message}
          </div>
        )
      ) : (
        <QueryResultView result={answer.result} chart={{ kind: 'none' }} />
      )}
    </section>
  );
}
