// PROVISIONAL: the contract's shapes (docs: /work/briefs r3 platform contract) until h/api lands
// libs/platform-client; then this module re-exports its types.
import type { ProgressEvent } from '@autocorp/progress';
import type pg from 'pg';

export type ComponentName = 'source' | 'cdc' | 'etl' | 'catalog' | 'csv-watch' | 'simulator';
export type Health = 'ok' | 'degraded' | 'down' | 'stopped';
export type EtlTrigger = 'startup' | 'micro-batch' | 'csv' | 'manual' | 'full';

export interface EtlRunEvent {
  type: 'etl-run';
  at: number;
  runId: string;
  trigger: EtlTrigger;
  seconds: number;
  jobs: {
    job: string;
    status: string;
    inserted: number;
    updated: number;
    deleted: number;
    quarantined: number;
    seconds: number;
    rulesFailed: { rule: string; severity: 'warn' | 'fail' }[];
  }[];
}

export type PlatformEvent =
  | { type: 'progress'; at: number; progress: ProgressEvent }
  | {
      type: 'cdc-batch';
      at: number;
      rows: number;
      files: number;
      lsn: string;
      reason: 'time' | 'quiet' | 'size' | 'stop';
      tables: { table: string; rows: number }[];
      commitLagSeconds: number | null;
    }
  | {
      type: 'cdc-status';
      at: number;
      receivedLsn: string;
      ackLsn: string;
      lagBytes: number | null;
      lagSeconds: number | null;
    }
  | EtlRunEvent
  | { type: 'csv-transfer'; at: number; files: number; rows: number; rejected: { file: string; reason: string }[] }
  | { type: 'crawl'; at: number; tables: number; changed: string[] }
  | { type: 'component'; at: number; component: ComponentName; health: Health; reason: string | null }
  | { type: 'simulator'; at: number; ordersPerSecond: number; counts: Record<string, number> };

export interface PlatformStatus {
  mode: 'live' | 'static';
  startedAt: number;
  profile: string;
  components: { name: ComponentName; health: Health; reason: string | null; since: number }[];
  cdc: {
    slot: string;
    receivedLsn: string | null;
    ackLsn: string | null;
    lagBytes: number | null;
    lagSeconds: number | null;
    tables: { table: string; state: string; reason: string | null }[];
  } | null;
  etl: { running: boolean; lastRun: EtlRunEvent | null; intervalMs: number } | null;
  simulator: { ordersPerSecond: number; seed: number; counts: Record<string, number> } | null;
}

export type PgConnectionConfig = pg.ClientConfig;
