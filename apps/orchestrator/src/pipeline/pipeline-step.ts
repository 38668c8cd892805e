import type { StateHome } from '@autocorp/config';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { SourceDb } from '@autocorp/source-db';
import type { CommandIo } from '../cli/command';

/** What every step of one pipeline pass can use. */
export interface PipelineContext {
  readonly io: CommandIo;
  readonly home: StateHome;
  readonly scale: number;
  readonly seed: number;
  /** Opened by the first step, closed by the runner. */
  sourceDb?: SourceDb;
  /** The lake object store, opened on first use. */
  lake?: ObjectStore;
  /** Resources steps opened, closed in reverse order when the pass ends. */
  readonly closers: Array<() => Promise<void>>;
}

/** A step's result: one headline and optional detail lines for the summary. */
export interface StepOutcome {
  readonly headline: string;
  readonly details?: readonly string[];
}

export interface PipelineStep {
  readonly name: string;
  run(context: PipelineContext): Promise<StepOutcome>;
}
