import { formatDuration } from '@autocorp/terminal';
import { CliError } from '../cli/cli-error';
import type { PipelineContext, PipelineStep } from '../pipeline/pipeline-step';

/**
 * Runs the start-up steps in order, one log line per step. Unlike `runPipeline` it leaves open
 * what the steps opened (the source database stays up while the platform runs); the platform
 * closes `context.closers` when it stops. A failed step throws a CliError naming it.
 */
export async function runStartupSteps(
  steps: readonly PipelineStep[],
  context: PipelineContext,
  log: (line: string) => void,
): Promise<void> {
  for (const step of steps) {
    const started = performance.now();
    try {
      const outcome = await step.run(context);
      log(`${step.name}: ${outcome.headline} (${formatDuration((performance.now() - started) / 1000)})`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError('pipeline-failed', `start-up step "${step.name}" failed: ${reason}`, { cause: error });
    }
  }
}

/** Closes what the steps opened, newest first; a failure to close is logged, never thrown. */
export async function closeOpened(context: PipelineContext, log: (line: string) => void): Promise<void> {
  for (const close of context.closers.reverse()) {
    await close().catch((error: unknown) => {
      log(`warning: while closing: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  context.closers.length = 0;
}
