import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { stateHomeAt } from '@autocorp/config';
import { findFreePort } from '@autocorp/source-db';
import type { CommandIo } from '../../src/cli/command';
import { catalogDatabases, openCatalog } from '../../src/commands/query/query-backends';
import { lakeOf } from '../../src/pipeline/lake';
import type { PipelineContext } from '../../src/pipeline/pipeline-step';
import { cdcStep } from '../../src/pipeline/steps/cdc-step';
import { crawlStep } from '../../src/pipeline/steps/crawl-step';
import { etlStep } from '../../src/pipeline/steps/etl-step';
import { generateStep } from '../../src/pipeline/steps/generate-step';
import { sourceDatabaseStep } from '../../src/pipeline/steps/source-database-step';
import { transferStep } from '../../src/pipeline/steps/transfer-step';
import type { RuntimeParts } from './api-server';

/** A lake built by a real pipeline pass (embedded PostgreSQL, generator, CDC, transfer, ETL, crawl), kept open. */
export interface ApiLake {
  readonly io: CommandIo;
  readonly context: PipelineContext;
  /** The pass's output (progress and summaries), for a failure message. */
  readonly log: () => string;
  close(): Promise<void>;
}

/** Runs the steps of `autocorp run` in this process at `scale`, leaving the source database running. */
export async function buildApiLake(scale: number, seed = 7): Promise<ApiLake> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-api-'));
  fs.chmodSync(parent, 0o777);
  const home = path.join(parent, 'home');
  let log = '';
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const io: CommandIo = {
    stdout: sink,
    stderr: sink,
    env: { AUTOCORP_HOME: home, AUTOCORP_PG_PORT: String(await findFreePort()), CI: 'true' },
    cwd: parent,
  };
  const context: PipelineContext = { io, home: stateHomeAt(home), scale, seed, closers: [] };
  const close = async () => {
    for (const closer of context.closers.reverse()) await closer().catch(() => undefined);
    fs.rmSync(parent, { recursive: true, force: true });
  };
  try {
    for (const step of [sourceDatabaseStep, generateStep, cdcStep, transferStep, etlStep, crawlStep])
      await step.run(context);
  } catch (error) {
    await close();
    throw new Error(`the pipeline pass for the API tests failed: ${(error as Error).message}\n${log}`, {
      cause: error,
    });
  }
  return { io, context, log: () => log, close };
}

/** What the API reads over `lake`: its object store, catalog, zone databases and source database. */
export function runtimePartsOf(lake: ApiLake): RuntimeParts {
  return {
    store: lakeOf(lake.context),
    catalog: openCatalog(lake.io),
    databases: catalogDatabases(lake.io.env),
    sourceConnection: lake.context.sourceDb!.connectionConfig,
  };
}
