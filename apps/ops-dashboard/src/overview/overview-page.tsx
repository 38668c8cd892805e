'use client';
import { useLiveEvents } from '../platform/live-events';
import { type ApiResult, useApi } from '../platform/use-api';
import { ApiView, Empty, Loading } from '../components/api-state';
import { LightBadge } from '../components/health-badge';
import { OPERATIONAL_EVENTS } from '../platform/refresh-events';
import { type OverviewFacts, loadCdc, loadRuns, loadStatus, loadTableCounts } from './overview-data';
import { openProblems } from './open-problems';
import { pipelineStages } from './pipeline-stages';
import { CdcCharts } from './cdc-charts';
import { Freshness } from './freshness';
import { MicroBatches } from './micro-batches';

const ready = <T,>(result: ApiResult<T>): T | null => (result.state === 'ready' ? result.data : null);

/** The open problems known so far; `pending` names the loads they may still come from. */
function OpenProblems({ facts, pending }: { facts: OverviewFacts; pending: readonly string[] }) {
  const problems = openProblems(facts);
  return (
    <section className="panel" aria-labelledby="problems-title" data-testid="problems">
      <h2 id="problems-title">
        Open problems ({problems.length}
        {pending.length ? '+' : ''})
      </h2>
      {problems.length > 0 ? (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i} className={`problem-${p.severity}`}>
              <strong>{p.severity === 'fail' ? 'Failure' : 'Warning'}:</strong> <a href={p.href}>{p.text}</a>
            </li>
          ))}
        </ul>
      ) : pending.length === 0 ? (
        <Empty>No open problems: every component is healthy and every rule passed.</Empty>
      ) : null}
      {pending.length ? <Loading what={pending.join(' and ')} /> : null}
    </section>
  );
}

/**
 * The overview: each load drawn as it arrives. The stages need only the status (a few ms); the slot,
 * the run records and the row counts refine them when they come, so the first paint waits for none.
 */
export function OverviewPage() {
  const live = useLiveEvents();
  const { result } = useApi(loadStatus, { refreshOn: OPERATIONAL_EVENTS });
  const cdc = useApi(loadCdc, { refreshOn: OPERATIONAL_EVENTS }).result;
  const runs = useApi(loadRuns, { refreshOn: OPERATIONAL_EVENTS }).result;
  const counts = useApi(loadTableCounts, { refreshOn: OPERATIONAL_EVENTS }).result;
  return (
    <>
      <h1>Overview</h1>
      <ApiView result={result} what="the platform status">
        {(status) => {
          const facts: OverviewFacts = {
            status,
            cdc: ready(cdc),
            runs: ready(runs),
            counts: ready(counts),
            ...(counts.state === 'error' ? { countsError: counts.error.message } : {}),
            recent: live.recent,
          };
          return (
            <>
              <OpenProblems
                facts={facts}
                pending={[
                  ...(cdc.state === 'loading' ? ['the replication slot'] : []),
                  ...(runs.state === 'loading' ? ['the job runs'] : []),
                ]}
              />
              {cdc.state === 'error' ? (
                <ApiView result={cdc} what="the CDC slot">
                  {() => null}
                </ApiView>
              ) : null}
              <section className="panel" aria-labelledby="stages-title">
                <h2 id="stages-title">
                  Pipeline{' '}
                  <span className="muted small">
                    ({status.mode}, {status.profile} profile)
                  </span>
                </h2>
                <ol className="stages" data-testid="stages">
                  {pipelineStages(facts).map((stage) => (
                    <li key={stage.name} className="stage" data-light={stage.light} data-stage={stage.name}>
                      <h3>{stage.name}</h3>
                      <LightBadge light={stage.light} />
                      <p className="small">{stage.reason}</p>
                    </li>
                  ))}
                </ol>
              </section>
              <ApiView result={runs} what="the job runs">
                {(jobRuns) => (
                  <div className="grid">
                    <MicroBatches runs={jobRuns} lastRun={status.etl?.lastRun ?? null} recent={live.recent} />
                    <Freshness runs={jobRuns} />
                  </div>
                )}
              </ApiView>
            </>
          );
        }}
      </ApiView>
      <CdcCharts />
    </>
  );
}
