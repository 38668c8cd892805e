import {
  type BedrockAgentClient,
  GetIngestionJobCommand,
  type IngestionJob,
  StartIngestionJobCommand,
} from '@aws-sdk/client-bedrock-agent';
import { AssistantError } from '../../assistant-error';

/** The clock a sync waits with between polls; tests inject one that advances at once. */
export interface IngestionClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const SYSTEM_CLOCK: IngestionClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
      const onAbort = () => (clearTimeout(timer), reject(signal?.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** The counts Bedrock reports for an ingestion job. */
export interface IngestionStatistics {
  readonly scanned: number;
  readonly indexedNew: number;
  readonly indexedModified: number;
  readonly deleted: number;
  readonly failed: number;
}

/** How an ingestion job ended (or was last seen). */
export interface IngestionJobReport {
  readonly jobId: string;
  readonly status: string;
  readonly statistics: IngestionStatistics;
  readonly failureReasons: readonly string[];
  readonly elapsedMs: number;
}

/** What a sync reports while it runs. */
export type IngestionEvent =
  | { readonly type: 'ingestion-started'; readonly jobId: string }
  | {
      readonly type: 'ingestion-progress';
      readonly jobId: string;
      readonly status: string;
      readonly statistics: IngestionStatistics;
    };

export interface SyncKnowledgeBaseOptions {
  readonly client: BedrockAgentClient;
  readonly knowledgeBaseId: string;
  readonly dataSourceId: string;
  readonly clock?: IngestionClock;
  /** Between GetIngestionJob polls (default 5 s). */
  readonly pollIntervalMs?: number;
  /** Give up waiting after this long (default 30 minutes); the job goes on in Bedrock. */
  readonly timeoutMs?: number;
  readonly onEvent?: (event: IngestionEvent) => void;
  readonly signal?: AbortSignal;
}

const FINISHED = new Set(['COMPLETE', 'FAILED', 'STOPPED']);

function statisticsOf(job: IngestionJob | undefined): IngestionStatistics {
  const s = job?.statistics;
  return {
    scanned: s?.numberOfDocumentsScanned ?? 0,
    indexedNew: s?.numberOfNewDocumentsIndexed ?? 0,
    indexedModified: s?.numberOfModifiedDocumentsIndexed ?? 0,
    deleted: s?.numberOfDocumentsDeleted ?? 0,
    failed: s?.numberOfDocumentsFailed ?? 0,
  };
}

/**
 * Syncs a Bedrock knowledge base's data source (StartIngestionJob) and waits for the job to finish, polling
 * GetIngestionJob at once and then every `pollIntervalMs` of the injected clock. A job that ends FAILED or STOPPED is an
 * AssistantError `publish-failed` with Bedrock's reasons; one still running at `timeoutMs` too (it keeps running).
 */
export async function syncKnowledgeBase(options: SyncKnowledgeBaseOptions): Promise<IngestionJobReport> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const { knowledgeBaseId, dataSourceId } = options;
  const where = `data source ${dataSourceId} of knowledge base ${knowledgeBaseId}`;
  const send = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new AssistantError(
        'publish-failed',
        `Bedrock ${operation} on the ${where} failed: ${error instanceof Error ? error.message : String(error)}. ${
          error instanceof Error && error.name === 'ConflictException'
            ? 'An ingestion job is already running: wait for it to finish, then publish again.'
            : `Check the ids (the AI stack's outputs) and that you may call bedrock:${operation} on the knowledge base.`
        }`,
        { cause: error },
      );
    }
  };
  const abort = options.signal ? { abortSignal: options.signal } : {};
  const started = clock.now();
  const start = await send('StartIngestionJob', () =>
    options.client.send(new StartIngestionJobCommand({ knowledgeBaseId, dataSourceId }), abort),
  );
  const jobId = start.ingestionJob?.ingestionJobId;
  if (!jobId)
    throw new AssistantError('publish-failed', `Bedrock StartIngestionJob on the ${where} returned no job id.`);
  options.onEvent?.({ type: 'ingestion-started', jobId });
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  let job: IngestionJob | undefined;
  // Polled at once, then every pollIntervalMs, until the job finishes.
  for (;;) {
    job = (
      await send('GetIngestionJob', () =>
        options.client.send(
          new GetIngestionJobCommand({ knowledgeBaseId, dataSourceId, ingestionJobId: jobId }),
          abort,
        ),
      )
    ).ingestionJob;
    options.onEvent?.({
      type: 'ingestion-progress',
      jobId,
      status: String(job?.status),
      statistics: statisticsOf(job),
    });
    if (FINISHED.has(String(job?.status))) break;
    if (clock.now() - started >= timeoutMs)
      throw new AssistantError(
        'publish-failed',
        `Ingestion job ${jobId} on the ${where} is still ${job?.status} after ${timeoutMs} ms; it goes on in Bedrock (see the console).`,
      );
    await clock.sleep(options.pollIntervalMs ?? 5000, options.signal);
  }
  const report: IngestionJobReport = {
    jobId,
    status: String(job?.status),
    statistics: statisticsOf(job),
    failureReasons: job?.failureReasons ?? [],
    elapsedMs: clock.now() - started,
  };
  if (report.status !== 'COMPLETE')
    throw new AssistantError(
      'publish-failed',
      `Ingestion job ${jobId} on the ${where} ended ${report.status}: ${report.failureReasons.join('; ') || 'no reason given'}.`,
    );
  return report;
}
