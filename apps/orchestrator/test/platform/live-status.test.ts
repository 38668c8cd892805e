import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { LiveMetrics } from '../../src/platform/live-metrics';
import type { EtlRunEvent } from '../../src/platform/platform-events';
import { eventLogLine, statusLine } from '../../src/platform/status-text';
import { listenForStop } from '../../src/platform/stop-signals';

function run(
  at: number,
  seconds: number,
  inserted: number,
  trigger: EtlRunEvent['trigger'] = 'micro-batch',
): EtlRunEvent {
  return {
    type: 'etl-run',
    at,
    runId: `r${at}`,
    trigger,
    seconds,
    jobs: [
      {
        job: 'sales_order',
        status: inserted > 0 ? 'committed' : 'no-new-input',
        inserted,
        updated: 0,
        deleted: 0,
        quarantined: 0,
        seconds,
        rulesFailed: [],
      },
    ],
  };
}

describe('LiveMetrics and the status line', () => {
  it('computes rows/s over 10 s, CDC lag, the last run and freshness from the events', () => {
    const metrics = new LiveMetrics();
    const batches = [
      { at: 10_000, rows: 40, commitLagSeconds: 0.25 },
      { at: 11_000, rows: 60, commitLagSeconds: 0.5 },
    ];
    for (const b of batches)
      metrics.add({ type: 'cdc-batch', files: 1, lsn: '0/1', reason: 'quiet', tables: [], ...b });
    metrics.add({ type: 'cdc-status', at: 11_100, receivedLsn: '0/2', ackLsn: '0/2', lagBytes: 2048, lagSeconds: 0.3 });
    // The run started after both batches: freshness is its end minus the newest commit it consumed.
    const last = run(13_000, 1.2, 100);
    metrics.add(last);
    const snapshot = metrics.snapshot(13_000);
    const newestCommit = Math.max(...batches.map((b) => b.at - b.commitLagSeconds * 1000));
    expect(snapshot.rowsPerSecond).toBe(batches.reduce((n, b) => n + b.rows, 0) / 10);
    expect(snapshot.freshnessSeconds).toBeCloseTo((last.at - newestCommit) / 1000, 6);
    expect(snapshot.lagSeconds).toBe(0.3);
    expect(snapshot.lastRun).toBe(last);
    expect(metrics.snapshot(25_000).rowsPerSecond).toBe(0);

    const line = statusLine(snapshot, 15_000);
    expect(line).toContain('in 10 rows/s');
    expect(line).toContain('lag 0.3 s/2.0 KiB');
    expect(line).toContain('last ETL 2.0s ago (1.2 s, +100 ~0 -0)');
    expect(line).toContain(`freshness ${snapshot.freshnessSeconds?.toFixed(1)} s`);
  });

  it('a run that consumed no batch leaves freshness as it was', () => {
    const metrics = new LiveMetrics();
    metrics.add({
      type: 'cdc-batch',
      at: 1000,
      rows: 5,
      files: 1,
      lsn: '0/1',
      reason: 'time',
      tables: [],
      commitLagSeconds: 0,
    });
    metrics.add(run(3000, 1, 5));
    const first = metrics.snapshot(3000).freshnessSeconds;
    metrics.add(run(6000, 1, 3));
    expect(metrics.snapshot(6000).freshnessSeconds).toBe(first);
  });

  it('logs runs that did something, transfers and health changes; skips empty micro-batches', () => {
    expect(eventLogLine(run(1, 0.5, 0))).toBeUndefined();
    expect(eventLogLine(run(1, 0.5, 0, 'startup'))).toMatch(/^etl startup r1: 0 job\(s\) committed/);
    expect(eventLogLine(run(1, 0.5, 2))).toContain('sales_order +2 ~0 -0');
    expect(
      eventLogLine({ type: 'component', at: 1, component: 'cdc', health: 'down', reason: 'connection lost' }),
    ).toBe('component cdc: down (connection lost)');
    expect(
      eventLogLine({
        type: 'csv-transfer',
        at: 1,
        files: 1,
        rows: 10,
        rejected: [{ file: 'x.csv', reason: 'unknown-table' }],
      }),
    ).toBe('csv-transfer: 1 file(s), 10 rows landed; rejected: x.csv (unknown-table)');
  });
});

describe('listenForStop', () => {
  it('the first signal asks for a clean stop, the second forces', async () => {
    const source = new EventEmitter();
    const forced: string[] = [];
    const signals = listenForStop(source, (s) => forced.push(s));
    source.emit('SIGTERM');
    expect(await signals.requested).toBe('SIGTERM');
    expect(forced).toEqual([]);
    source.emit('SIGINT');
    expect(forced).toEqual(['SIGINT']);
    signals.dispose();
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
  });
});
