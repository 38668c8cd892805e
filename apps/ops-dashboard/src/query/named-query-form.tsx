'use client';
import type { RouteOutput, Routes } from '@autocorp/platform-client';
import { type FormEvent, useState } from 'react';

export type NamedQuery = RouteOutput<Routes['namedQueries']>['queries'][number];
export type QueryValues = Record<string, string>;

/** The form of a named query's typed parameters, plus time travel (asOf). */
export function NamedQueryForm({
  query,
  running,
  onRun,
}: {
  query: NamedQuery;
  running: boolean;
  onRun: (values: QueryValues, asOf: string) => void;
}) {
  const initial = Object.fromEntries(
    query.parameters.map((p) => [p.name, p.default === null ? '' : String(p.default)]),
  );
  const [values, setValues] = useState<QueryValues>(initial);
  const [asOf, setAsOf] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRun(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')), asOf.trim());
  };
  return (
    <form className="params" onSubmit={submit} aria-label={`Parameters of ${query.name}`}>
      {query.parameters.map((p) => (
        <label key={p.name}>
          {p.name}
          <input
            name={p.name}
            type={p.type === 'date' ? 'date' : p.type === 'integer' ? 'number' : 'text'}
            value={values[p.name] ?? ''}
            placeholder={p.dataDefault ?? undefined}
            min={p.min ?? undefined}
            max={p.max ?? undefined}
            title={p.description}
            onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
          />
        </label>
      ))}
      <label>
        As of (instant or time)
        <input name="asOf" value={asOf} placeholder="latest" onChange={(e) => setAsOf(e.target.value)} />
      </label>
      <button type="submit" disabled={running}>
        {running ? 'Running…' : 'Run'}
      </button>
    </form>
  );
}
