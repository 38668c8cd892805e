'use client';
import { useLiveEvents } from '../platform/live-events';
import { useApi } from '../platform/use-api';
import { ApiView, Empty } from '../components/api-state';
import { LightBadge } from '../components/health-badge';
import { OPERATIONAL_EVENTS } from '../platform/refresh-events';
import { loadOverviewFacts, loadTableCounts } from './overview-data';
import { openProblems } from './open-problems';
import { pipelineStages } from './pipeline-stages';
import { CdcCharts } from './cdc-charts';
import { Freshness } from './freshness';
import { MicroBatches } from './micro-batches';

export function OverviewPage() {
  const live = useLiveEvents();
  const { result } = useApi(loadOverviewFacts, { refreshOn: OPERATIONAL_EVENTS });
  const counts = useApi(loadTableCounts, { refreshOn: OPERATIONAL_EVENTS }).result;
  return (
    <>
      <h1>Overview</h1>
      <ApiView result={result} what="the platform status">
        {(data) => {
          const facts = {
            ...data,
            counts: counts.state === 'ready' ? counts.data : null,
            ...(counts.state === 'error' ? { countsError: counts.error.message } : {}),
            recent: live.recent,
          };
          const problems = openProblems(facts);
          return (
            <>
              <section className="panel" aria-labelledby="problems-title" data-testid="problems">
                <h2 id="problems-title">Open problems ({problems.length})</h2>
                {problems.length === 0 ? (
                  <Empty>No open problems: every component is healthy and every rule passed.</Empty>
                ) : (
                  <ul className="problems">
                    {problems.map((p, i) => (
                      <li key={i} className={`problem-${p.severity}`}>
                        <strong>{p.severity === 'fail' ? 'Failure' : 'Warning'}:</strong> <a href={p.href}>{p.text}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="panel" aria-labelledby="stages-title">
                <h2 id="stages-title">
                  Pipeline{' '}
                  <span className="muted small">
                    ({data.status.mode}, {data.status.profile} profile)
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
              <div className="grid">
                <MicroBatches runs={data.runs} lastRun={data.status.etl?.lastRun ?? null} recent={live.recent} />
                <Freshness runs={data.runs} />
              </div>
            </>
          );
        }}
      </ApiView>
      <CdcCharts />
    </>
  );
}
