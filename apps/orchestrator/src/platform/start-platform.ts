import { mkdir } from 'node:fs/promises';
import type { PlatformConfig, StateHome } from '@autocorp/config';
import type { ProgressEvent, ProgressListener } from '@autocorp/progress';
import type { CommandIo } from '../cli/command';
import { commandProgress } from '../cli/progress-drawing';
import { lakeRuntimeParts } from '../api/lake-runtime-parts';
import { DEFAULT_CDC_SLOT } from '@autocorp/lake-storage';
import { lakeOf } from '../pipeline/lake';
import type { PipelineContext } from '../pipeline/pipeline-step';
import { sourceDatabaseStep } from '../pipeline/steps/source-database-step';
import { transferStep } from '../pipeline/steps/transfer-step';
import { CdcStream } from './cdc-stream';
import { CRAWL_TASK, crawlTask } from './crawl-task';
import { TRANSFER_TASK, csvTransferTask } from './csv-transfer-task';
import { ETL_CYCLE_TASK, ETL_TASK, etlTasks, isEtlTask } from './etl-task';
import { PlatformEventHub } from '../api/platform-event-hub';
import { watchFolder } from './folder-watch';
import { generateIfEmptyStep } from './generate-if-empty-step';
import { HealthBoard } from './health-board';
import { PlatformStatusTracker } from './platform-status-tracker';
import { SimulatorRunner } from './simulator-runner';
import type { PlatformEvent } from './platform-events';
import type { PlatformRuntime } from '../api/platform-runtime';
import { closeOpened, runStartupSteps } from './startup-steps';
import { WorkScheduler } from './work-scheduler';

export interface StartPlatformOptions {
  readonly io: CommandIo;
  readonly config: PlatformConfig;
  readonly home: StateHome;
  /** One line for the log (start-up steps, failures). */
  readonly log: (line: string) => void;
  /** Receives every event from the start (start-up runs included). */
  readonly onEvent?: (event: PlatformEvent) => void;
}

export interface RunningPlatform {
  readonly runtime: PlatformRuntime;
  /** The folder watched for CSV exports. */
  readonly watchedFolder: string;
  /**
   * Stops cleanly: no new work, the ETL run in progress finishes (each Hudi commit is atomic), CDC
   * writes what it holds and stores its position, the embedded server stops.
   */
  stop(): Promise<void>;
}

/** How long CDC waits before starting again after a failure. */
const CDC_RESTART_DELAY_MS = 2000;

/**
 * Starts the live platform: the source database (migrated; generated only when empty), the CSV
 * exports transferred, continuous CDC (full load first when the slot has none), one ETL run and one
 * crawl; then micro-batches whenever CDC stores a batch, transfers when the watched folder changes,
 * crawls when a schema or a table changed.
 */
export async function startPlatform(options: StartPlatformOptions): Promise<RunningPlatform> {
  const { config, home, log } = options;
  const io: CommandIo =
    config.paths.lake === undefined
      ? options.io
      : { ...options.io, env: { ...options.io.env, LAKE_URI: config.paths.lake } };
  const context: PipelineContext = { io, home, scale: config.scale, seed: config.seed, closers: [] };
  const hub = new PlatformEventHub((error) => log(`warning: an event listener failed: ${(error as Error).message}`));
  if (options.onEvent) hub.subscribe(options.onEvent);
  const health = new HealthBoard(hub);
  // Progress bars are drawn only while starting; afterwards the status line owns the terminal.
  let draw: ProgressListener | undefined = commandProgress(io);
  const onProgress: ProgressListener = (progress: ProgressEvent) => {
    draw?.(progress);
    hub.publish({ type: 'progress', at: progress.at, progress });
  };
  let scheduler: WorkScheduler | undefined;
  let cdc: CdcStream | undefined;
  let unwatch: (() => void) | undefined;
  let simulator: SimulatorRunner | undefined;
  try {
    await runStartupSteps([sourceDatabaseStep, generateIfEmptyStep, transferStep], context, log);
    const db = context.sourceDb;
    if (!db) throw new Error('the source database step did not open the database');
    health.set('source', 'ok', null);
    const store = lakeOf(context);
    const watchedFolder = config.paths.watch ?? home.generated;
    await mkdir(watchedFolder, { recursive: true });

    const etl = etlTasks({
      store,
      hub,
      health,
      intervalMs: config.intervals.etlDebounceMs,
      onProgress,
      // Due at once (its delay spaces retries): it goes next, or after at most one hot run.
      requestCycleStep: () => void work.runNow(ETL_CYCLE_TASK, 'micro-batch'),
    });
    const work = new WorkScheduler(
      [
        csvTransferTask({
          folder: watchedFolder,
          store,
          hub,
          health,
          delayMs: config.intervals.etlDebounceMs,
          onProgress,
          onLanded: () => {
            work.request(ETL_TASK, 'csv');
            work.request(CRAWL_TASK, 'csv');
          },
        }),
        ...etl.tasks,
        crawlTask({ io, store, hub, health, onProgress }),
      ],
      (task, error) => {
        const reason = `${error instanceof Error ? error.message : String(error)} (retrying)`;
        health.set(isEtlTask(task) ? 'etl' : task === CRAWL_TASK ? 'catalog' : 'csv-watch', 'degraded', reason);
        log(`${task} failed: ${reason}`);
      },
    );
    scheduler = work;
    const tracker = new PlatformStatusTracker({
      hub,
      health,
      profile: config.profile,
      slot: DEFAULT_CDC_SLOT,
      etlIntervalMs: config.intervals.etlDebounceMs,
      simulator: config.simulator.ordersPerSecond > 0 ? config.simulator : null,
      etlRunning: () => isEtlTask(work.running),
    });
    const stream = new CdcStream({
      connection: db.connectionConfig,
      store,
      cutIntervalMs: config.intervals.cdcCutMs,
      hub,
      health,
      status: tracker,
      onProgress,
      onCommitted: () => work.request(ETL_TASK, 'micro-batch'),
      onSchemaChanged: () => work.request(CRAWL_TASK, 'schema'),
      restartDelayMs: CDC_RESTART_DELAY_MS,
    });
    cdc = stream;
    await stream.start();
    log('change data capture: streaming');
    const etlError = await work.runNow(ETL_TASK, 'startup');
    if (etlError === undefined) log('ETL: start-up run done');
    await work.runNow(CRAWL_TASK, 'startup');
    unwatch = watchFolder(
      watchedFolder,
      () => work.request(TRANSFER_TASK, 'csv'),
      (error) => health.set('csv-watch', 'down', `watching ${watchedFolder} failed: ${error.message}`),
    );
    if (!health.get('csv-watch')) health.set('csv-watch', 'ok', null);
    draw = undefined;
    if (config.simulator.ordersPerSecond > 0) {
      simulator = new SimulatorRunner(db.connectionConfig, config.simulator, hub, health);
      await simulator.start();
      log(`simulator: ${config.simulator.ordersPerSecond} order(s)/s, seed ${config.simulator.seed}`);
    }

    const runtime: PlatformRuntime = {
      store,
      ...lakeRuntimeParts(io, stream.slot),
      sourceConnection: db.connectionConfig,
      status: () => tracker.status(),
      subscribe: (listener) => hub.subscribe(listener),
    };
    let stopping: Promise<void> | undefined;
    return {
      runtime,
      watchedFolder,
      stop() {
        stopping ??= (async () => {
          unwatch?.();
          await simulator?.stop();
          await Promise.all([work.stop(), stream.stop()]);
          // Every table at the same CDC position: the ETL cycle in progress finishes.
          await etl
            .finishCycle()
            .catch((error: unknown) =>
              log(`ETL: the last cycle did not finish (${String(error)}); the next start continues it`),
            );
          health.set('etl', 'stopped', null);
          tracker.close();
          await closeOpened(context, log);
          health.set('source', 'stopped', null);
        })();
        return stopping;
      },
    };
  } catch (error) {
    unwatch?.();
    await simulator?.stop().catch(() => undefined);
    await scheduler?.stop();
    await cdc?.stop();
    await closeOpened(context, log);
    throw error;
  }
}
