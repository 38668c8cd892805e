/**
 * Bench: the assistant's `local` provider over the evaluation set at the bench scale (default 1):
 * answer latency p50/p95 over every question of the set asked the first time on a new assistant
 * (target p95 <= 300 ms; tables already opened by a warm-up pass on another assistant), the same
 * questions asked again (tool results reused), the knowledge base build time, a refresh when
 * nothing changed (a question pays it every 30 s), and the eval accuracy on the same lake.
 *
 * State (untimed): the tables of an `autocorp run --scale <scale>` home given by
 * AUTOCORP_BENCH_HOME; otherwise built here from the shared bench dataset (CDC full load, CSV
 * transfer, the ten ETL jobs, crawl) in the case's scratch folder, CDC slot dropped afterwards.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { KnowledgeBase, createAssistant } from '@autocorp/assistant';
import { Catalog, LocalCatalogBackend, crawlAll } from '@autocorp/catalog';
import { dropCdc, runCdcUntilIdle } from '@autocorp/cdc';
import { stateHomeAt } from '@autocorp/config';
import { transferCsvFiles } from '@autocorp/csv-transfer';
import { runJobs } from '@autocorp/etl';
import { CSV_FILES } from '@autocorp/generator';
import { openObjectStore } from '@autocorp/lake-storage';
import { DuckDbExecutor } from '@autocorp/query';
import { type TurnResult, formatEvalReport, runEval } from '@autocorp/assistant/eval';
import { type BenchCase, type BenchContext, type BenchMetric, atMost, measured, percentile } from '../src/bench-case';

const TARGET_P95_MS = 300;
const CDC_NAME = 'autocorp_bench_assistant';

/** The catalog of AUTOCORP_BENCH_HOME, or one built from the bench dataset. */
async function catalogFor(context: BenchContext): Promise<Catalog> {
  const home = process.env.AUTOCORP_BENCH_HOME?.trim();
  if (home) {
    context.log(`state: AUTOCORP_BENCH_HOME=${home} (its generator scale is what it was built with)`);
    const state = stateHomeAt(path.resolve(home));
    return new Catalog(new LocalCatalogBackend({ root: state.catalog, lakeUri: pathToFileURL(state.lake).href }));
  }
  const dataset = await context.dataset();
  const store = openObjectStore(pathToFileURL(path.join(context.workDir, 'lake')).href);
  const cdc = { connection: dataset.postgres.connectionConfig, store, slotName: CDC_NAME, publicationName: CDC_NAME };
  const started = performance.now();
  try {
    await runCdcUntilIdle(cdc);
    const files = [CSV_FILES.customers, CSV_FILES.orders, CSV_FILES.parts, CSV_FILES.services];
    const transfer = await transferCsvFiles({
      sourceDir: dataset.csvDir,
      store,
      expectedHeaders: Object.fromEntries(files.map((f) => [f.name.replace(/\.csv$/, ''), [...f.columns]])),
    });
    if (transfer.errors.length > 0)
      throw new Error(`the CSV transfer failed: ${transfer.errors.map((e) => e.message).join('; ')}`);
    const bad = (await runJobs({ store, cdcSlot: CDC_NAME })).filter(
      (r) => r.status === 'failed' || r.status === 'blocked',
    );
    if (bad.length > 0)
      throw new Error(`ETL jobs did not commit: ${bad.map((r) => `${r.job}: ${r.error ?? r.status}`).join('; ')}`);
  } finally {
    await dropCdc(cdc).catch((error: unknown) =>
      context.log(`state: could not drop CDC slot ${CDC_NAME}: ${(error as Error).message}`),
    );
  }
  const catalog = new Catalog(new LocalCatalogBackend({ root: path.join(context.workDir, 'catalog') }));
  await crawlAll({ store, catalog });
  context.log(`state: curated tables built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return catalog;
}

/** The slowest turns first. */
function slowest(turns: readonly TurnResult[], count: number): TurnResult[] {
  return [...turns].sort((a, b) => b.latencyMs - a.latencyMs).slice(0, count);
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  const catalog = await catalogFor(context);
  const executor = new DuckDbExecutor({ catalog });
  const metrics: BenchMetric[] = [measured('load average (1 min) before', os.loadavg()[0] ?? 0, '')];
  try {
    await executor.execute('SELECT count(*) FROM auto_parts');
    let started = performance.now();
    const kb = await KnowledgeBase.build(executor);
    metrics.push(
      measured(`knowledge base build (${kb.documents.length} documents)`, performance.now() - started, 'ms'),
    );
    started = performance.now();
    await kb.refresh();
    metrics.push(
      measured('knowledge base refresh, nothing changed (paid per question)', performance.now() - started, 'ms'),
    );
    // Warm-up on its own assistant: opens every table once (DuckDB instance, Hudi listings, OS cache).
    await runEval({ assistant: await createAssistant({ executor }), executor });
    // Timed: a new assistant, so no question finds its tool results kept from the warm-up.
    started = performance.now();
    const assistant = await createAssistant({ executor });
    metrics.push(measured('createAssistant (knowledge base, index, lexicon)', performance.now() - started, 'ms'));
    const report = await runEval({ assistant, executor });
    for (const line of formatEvalReport(report)) context.log(line);
    for (const t of slowest(report.turns, 5))
      context.log(`slow: ${t.latencyMs.toFixed(0)} ms ${t.caseId} "${t.question}" (${t.answer?.sql.length ?? 0} SQL)`);
    const latencies = report.turns.map((t) => t.latencyMs);
    context.log(`questions over ${TARGET_P95_MS} ms: ${latencies.filter((ms) => ms > TARGET_P95_MS).length}`);
    metrics.push(measured(`questions (eval set)`, latencies.length, ''));
    metrics.push(measured('answer latency p50', percentile(latencies, 50), 'ms'));
    metrics.push(atMost('answer latency p95', percentile(latencies, 95), 'ms', TARGET_P95_MS));
    metrics.push(measured('answer latency max', Math.max(...latencies), 'ms'));
    metrics.push(measured('eval accuracy', (100 * report.overall.passed) / report.overall.total, '%'));
    // The same questions again on the same assistant: tool results are reused while no table has a new commit.
    const repeat = (await runEval({ assistant, executor })).turns.map((t) => t.latencyMs);
    metrics.push(measured('asked again (tool results reused), p50', percentile(repeat, 50), 'ms'));
    metrics.push(measured('asked again (tool results reused), p95', percentile(repeat, 95), 'ms'));
  } finally {
    await executor.close();
  }
  return metrics;
}

const assistantCase: BenchCase = {
  name: 'assistant',
  description: 'Local provider answer latency over the evaluation set, knowledge base build time',
  run,
};
export default assistantCase;
