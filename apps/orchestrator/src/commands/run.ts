import { DEFAULT_SCALE, resolveStateHome } from '@autocorp/config';
import type { Command } from '../cli/command';
import { numberOption } from '../cli/option-values';
import type { PipelineContext } from '../pipeline/pipeline-step';
import { runPipeline } from '../pipeline/run-pipeline';
import { cdcStep } from '../pipeline/steps/cdc-step';
import { crawlStep } from '../pipeline/steps/crawl-step';
import { etlStep } from '../pipeline/steps/etl-step';
import { generateStep } from '../pipeline/steps/generate-step';
import { namedQueriesStep } from '../pipeline/steps/named-queries-step';
import { sourceDatabaseStep } from '../pipeline/steps/source-database-step';
import { transferStep } from '../pipeline/steps/transfer-step';
import { DEFAULT_SEED } from './generate';

/** The default scale (owned by @autocorp/config): small enough for a laptop pass in well under a minute. */
export const DEFAULT_RUN_SCALE = DEFAULT_SCALE;

export const runCommand: Command = {
  path: ['run'],
  summary: 'Run one full pass of the pipeline on the local profile and print a summary (up --once)',
  description:
    'Starts the embedded PostgreSQL (or uses DATABASE_URL), applies migrations, generates and loads the business data (first pass), takes the full load and streams changes into the raw zone, transfers the CSV exports, runs the ten ETL jobs into curated Hudi tables, crawls the catalog and answers the named queries. Exits non-zero when a step fails.',
  options: {
    scale: {
      type: 'string',
      default: String(DEFAULT_RUN_SCALE),
      valueName: '<n>',
      description: 'Generator scale for this pass',
    },
    seed: { type: 'string', default: String(DEFAULT_SEED), valueName: '<n>', description: 'Generator seed' },
  },
  async run(values, _positionals, io) {
    const context: PipelineContext = {
      io,
      home: resolveStateHome(io.env, io.cwd),
      scale: numberOption(values.scale, 'scale', { min: 0, exclusiveMin: true }),
      seed: numberOption(values.seed, 'seed', { integer: true }),
      closers: [],
    };
    io.stdout.write(`AutoCorp Lakehouse: one pipeline pass, local profile, state in ${context.home.root}\n`);
    await runPipeline(
      [sourceDatabaseStep, generateStep, cdcStep, transferStep, etlStep, crawlStep, namedQueriesStep],
      context,
    );
  },
};
