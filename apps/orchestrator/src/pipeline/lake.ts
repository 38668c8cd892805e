import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import type { PipelineContext } from './pipeline-step';

/** The lake of this pass (LAKE_URI or <AUTOCORP_HOME>/lake), opened once. */
export function lakeOf(context: PipelineContext): ObjectStore {
  context.lake ??= openObjectStore(undefined, { env: context.io.env, cwd: context.io.cwd });
  return context.lake;
}
