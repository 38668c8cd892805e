import type {
  CdcResponse,
  PlatformClient,
  PlatformEvent,
  PlatformStatus,
  RunReportBody,
  RouteOutput,
  Routes,
} from '@autocorp/platform-client';

export type TableCounts = RouteOutput<Routes['tableCounts']>['tables'][number];

/** What the overview derives its stages and problems from. */
export interface OverviewFacts {
  readonly status: PlatformStatus;
  /** Null while the slot is being asked (the overview draws the stages from the status first). */
  readonly cdc: CdcResponse | null;
  /** Null while they are being counted (the slowest call: the overview draws without them first). */
  readonly counts: readonly TableCounts[] | null;
  /** Why the counts are missing when loading them failed. */
  readonly countsError?: string;
  /** Null while the run records are being read. */
  readonly runs: readonly RunReportBody[] | null;
  /** Live events seen since the page opened (rejected CSV files come only from these). */
  readonly recent: readonly PlatformEvent[];
}

/** The overview's loads, each drawn as it arrives: the status first (the stages), then the slot, the runs, the counts. */
export const loadStatus = (client: PlatformClient) => client.status();
export const loadCdc = (client: PlatformClient) => client.cdc();
export async function loadRuns(client: PlatformClient): Promise<readonly RunReportBody[]> {
  return (await client.etlRuns({ query: { limit: 200 } })).runs;
}

export async function loadTableCounts(client: PlatformClient): Promise<readonly TableCounts[]> {
  return (await client.tableCounts()).tables;
}

/** The newest run of each job (runs come newest first). */
export function latestRunPerJob(runs: readonly RunReportBody[]): RunReportBody[] {
  const seen = new Map<string, RunReportBody>();
  for (const run of runs) if (!seen.has(run.job)) seen.set(run.job, run);
  return [...seen.values()];
}

/**
 * Where the counts of one table disagree: raw vs source (CDC keeps the raw zone equal to PostgreSQL),
 * curated vs raw (curated may hold more: the CSV exports land beside CDC; fewer means rows are missing).
 * Null counts are not compared.
 */
export function countDifferences(counts: TableCounts): { readonly text: string; readonly missing: boolean }[] {
  const differences: { text: string; missing: boolean }[] = [];
  if (counts.source !== null && counts.raw !== null && counts.source !== counts.raw)
    differences.push({ text: `raw ${counts.raw} vs source ${counts.source}`, missing: true });
  if (counts.raw !== null && counts.curated !== null && counts.raw !== counts.curated)
    differences.push({
      text: `curated ${counts.curated} vs raw ${counts.raw}${counts.curated > counts.raw ? ' (CSV exports add rows)' : ''}`,
      missing: counts.curated < counts.raw,
    });
  return differences;
}
