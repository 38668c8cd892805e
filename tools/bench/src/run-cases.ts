import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchCase } from './bench-case';
import type { CaseResult } from './report';
import { runCommand } from './run-command';
import { scaleDatasetProvider } from './scale-dataset';

export interface RunCasesOptions {
  readonly cases: readonly BenchCase[];
  readonly scale: number;
  /** Progress lines (stderr by default). */
  readonly log?: (line: string) => void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the cases one after another, each in its own scratch folder, sharing one lazily generated
 * dataset; a failing case is recorded and the next one runs. The dataset is stopped at the end.
 */
export async function runCases(options: RunCasesOptions): Promise<CaseResult[]> {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-bench-'));
  fs.chmodSync(root, 0o777);
  const dataset = scaleDatasetProvider({
    root: path.join(root, 'dataset'),
    scale: options.scale,
    log: (line) => log(`  ${line}`),
  });
  const results: CaseResult[] = [];
  try {
    for (const benchCase of options.cases) {
      const workDir = path.join(root, `case-${benchCase.name}`);
      fs.mkdirSync(workDir, { mode: 0o777 });
      fs.chmodSync(workDir, 0o777);
      log(`> ${benchCase.name}: ${benchCase.description}`);
      // Write back what earlier cases left in the page cache, so it does not slow this one down.
      await runCommand('sync', []);
      const started = performance.now();
      const loadBefore = os.loadavg()[0] ?? 0;
      const load = (): [number, number] => [loadBefore, os.loadavg()[0] ?? 0];
      try {
        const metrics = await benchCase.run({
          scale: options.scale,
          workDir,
          log: (line) => log(`  ${line}`),
          dataset: () => dataset.get(),
        });
        results.push({
          caseName: benchCase.name,
          metrics,
          seconds: (performance.now() - started) / 1000,
          loadAverage: load(),
        });
      } catch (error) {
        results.push({
          caseName: benchCase.name,
          metrics: [],
          seconds: (performance.now() - started) / 1000,
          loadAverage: load(),
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        log(`  FAILED: ${messageOf(error)}`);
      } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
      }
    }
  } finally {
    await dataset.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
  return results;
}
