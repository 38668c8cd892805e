'use client';
import type { PlatformClient, QueryResultResponse } from '@autocorp/platform-client';
import { useState } from 'react';
import { ApiDownNotice, ApiView } from '../components/api-state';
import { platformClient } from '../platform/platform-api';
import { isApiDown, useApi } from '../platform/use-api';
import { chartFor } from './query-chart';
import { type NamedQuery, NamedQueryForm, type QueryValues } from './named-query-form';
import { QueryResultView } from './query-result-view';
import { SqlPanel } from './sql-panel';

const loadQueries = (client: PlatformClient) => client.namedQueries();

interface Ran {
  readonly name: string;
  readonly query: Record<string, string>;
}

function NamedQueries({ queries }: { queries: readonly NamedQuery[] }) {
  const [name, setName] = useState(queries[0]?.name ?? '');
  const [ran, setRan] = useState<Ran | null>(null);
  const [running, setRunning] = useState(false);
  const [answer, setAnswer] = useState<{ result: QueryResultResponse } | { error: Error } | null>(null);
  const query = queries.find((q) => q.name === name);
  const run = async (values: QueryValues, asOf: string) => {
    const input = { name, query: { ...values, ...(asOf ? { asOf } : {}) } };
    setRunning(true);
    try {
      const result = await platformClient().runNamedQuery({ params: { name }, query: input.query });
      setRan(input);
      setAnswer({ result });
    } catch (error) {
      setAnswer({ error: error as Error });
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="named-title">
      <h2 id="named-title">Named queries</h2>
      <div className="field">
        <label htmlFor="named-query">Named query</label>
        <select
          id="named-query"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setAnswer(null);
          }}
        >
          {queries.map((q) => (
            <option key={q.name} value={q.name}>
              {q.name}
            </option>
          ))}
        </select>
      </div>
      {query ? (
        <>
          <p className="small">
            {query.description} <span className="muted">Reads {query.tables.join(', ')}.</span>
          </p>
          <NamedQueryForm key={query.name} query={query} running={running} onRun={(v, a) => void run(v, a)} />
        </>
      ) : null}
      {answer === null ? null : 'error' in answer ? (
        isApiDown(answer.error) ? (
          <ApiDownNotice detail={answer.error.message} />
        ) : (
          <div className="notice notice-error" role="alert">
            {answer.error.message}
          </div>
        )
      ) : (
        <>
          {ran ? (
            <p>
              <a
                href={platformClient().csvUrl('runNamedQuery', { params: { name: ran.name }, query: ran.query })}
                download
              >
                Download CSV
              </a>
            </p>
          ) : null}
          <QueryResultView result={answer.result} chart={chartFor(ran?.name ?? name, answer.result)} />
        </>
      )}
    </section>
  );
}

export function QueryPage() {
  const { result } = useApi(loadQueries);
  return (
    <>
      <h1>Query</h1>
      <ApiView result={result} what="the named queries">
        {({ queries }) => <NamedQueries queries={queries} />}
      </ApiView>
      <SqlPanel />
    </>
  );
}
