'use client';
import type { PlatformClient, RunReportBody } from '@autocorp/platform-client';
import { useEffect, useState } from 'react';
import { ApiView, Empty } from '../components/api-state';
import { RUN_EVENTS } from '../platform/refresh-events';
import { useApi } from '../platform/use-api';
import { QuarantineView } from './quarantine-view';
import { RuleMatrix } from './rule-matrix';
import { RunHistory } from './run-history';

const loadRuns = (client: PlatformClient) => client.etlRuns({ query: { limit: 500 } });

function byJob(runs: readonly RunReportBody[]): Map<string, RunReportBody[]> {
  const jobs = new Map<string, RunReportBody[]>();
  for (const run of runs) jobs.set(run.job, [...(jobs.get(run.job) ?? []), run]);
  return new Map([...jobs.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function RunsPage() {
  const { result } = useApi(loadRuns, { refreshOn: RUN_EVENTS });
  const [job, setJob] = useState<string | null>(null);
  const [initialJob, setInitialJob] = useState<string | null>(null);
  useEffect(() => setInitialJob(new URLSearchParams(window.location.search).get('job') ?? ''), []);
  return (
    <>
      <h1>Runs &amp; quality</h1>
      <ApiView result={result} what="the ETL runs">
        {({ runs }) => {
          const jobs = byJob(runs);
          if (jobs.size === 0) return <Empty>No ETL run yet.</Empty>;
          const names = [...jobs.keys()];
          const current = job ?? (initialJob && jobs.has(initialJob) ? initialJob : names[0]!);
          const jobRuns = jobs.get(current) ?? [];
          return (
            <>
              <section className="panel" aria-labelledby="runs-title">
                <h2 id="runs-title">Run history per job</h2>
                <div className="tabs" role="group" aria-label="Job">
                  {names.map((name) => {
                    const latest = jobs.get(name)?.[0];
                    const warn = latest?.rules.some((r) => !r.passed);
                    return (
                      <button key={name} type="button" aria-pressed={name === current} onClick={() => setJob(name)}>
                        {name}
                        {latest && latest.status !== 'committed' && latest.status !== 'no-new-input'
                          ? ' ✕'
                          : warn
                            ? ' ⚠'
                            : ''}
                      </button>
                    );
                  })}
                </div>
                <RunHistory job={current} runs={jobRuns} />
              </section>
              <section className="panel" aria-labelledby="rules-title">
                <h2 id="rules-title">Rules over time: {current}</h2>
                <RuleMatrix job={current} runs={jobRuns} />
              </section>
            </>
          );
        }}
      </ApiView>
      {initialJob === null ? null : (
        <QuarantineView
          jobs={result.state === 'ready' ? [...byJob(result.data.runs).keys()] : []}
          initialJob={initialJob}
        />
      )}
    </>
  );
}
