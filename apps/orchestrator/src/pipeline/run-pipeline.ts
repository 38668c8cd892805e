import { formatDuration } from '@autocorp/terminal';
import { CliError } from '../cli/cli-error';
import type { PipelineContext, PipelineStep, StepOutcome } from './pipeline-step';

export interface StepReport {
  readonly step: string;
  readonly seconds: number;
  readonly outcome?: StepOutcome;
  readonly error?: unknown;
}

/**
 * Runs the steps in order, printing each step's outcome as it finishes. Stops at the first
 * failure, closes what the steps opened, and throws a CliError naming the failed step.
 */
export async function runPipeline(steps: readonly PipelineStep[], context: PipelineContext): Promise<StepReport[]> {
  const out = context.io.stdout;
  const reports: StepReport[] = [];
  const started = performance.now();
  try {
    for (const step of steps) {
      out.write(`\n== ${step.name}\n`);
      const t0 = performance.now();
      try {
        const outcome = await step.run(context);
        const seconds = (performance.now() - t0) / 1000;
        reports.push({ step: step.name, seconds, outcome });
        out.write(`${outcome.headline} (${formatDuration(seconds)})\n`);
        for (const line of outcome.details ?? []) out.write(`${line}\n`);
      } catch (error) {
        reports.push({ step: step.name, seconds: (performance.now() - t0) / 1000, error });
        const reason = error instanceof Error ? error.message : String(error);
        throw new CliError('pipeline-failed', `pipeline step "${step.name}" failed: ${reason}`, { cause: error });
      }
    }
  } finally {
    for (const close of context.closers.reverse()) {
      await close().catch((error: unknown) => {
        context.io.stderr.write(`warning: while closing: ${error instanceof Error ? error.message : String(error)}\n`);
      });
    }
    context.closers.length = 0;
  }
  out.write(`\n== Summary: ${reports.length} step(s) in ${formatDuration((performance.now() - started) / 1000)}\n`);
  const width = Math.max(...reports.map((r) => r.step.length));
  for (const r of reports)
    out.write(`  ${r.step.padEnd(width)}  ${formatDuration(r.seconds).padStart(6)}  ${r.outcome?.headline ?? ''}\n`);
  return reports;
}
