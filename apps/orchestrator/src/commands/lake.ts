import { resolveStateHome } from '@autocorp/config';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import type { CommandIo, OptionSpec } from '../cli/command';

export const LAKE_OPTION: OptionSpec = {
  type: 'string',
  valueName: '<uri>',
  description: 'Lake URI, file:///... or s3://bucket/prefix (default: LAKE_URI or <AUTOCORP_HOME>/lake)',
};

/** The lake named by --lake, else LAKE_URI, else <AUTOCORP_HOME>/lake. */
export function openLake(io: CommandIo, lake: unknown): ObjectStore {
  return openObjectStore(typeof lake === 'string' ? lake : undefined, { env: io.env, cwd: io.cwd });
}

export function stateHome(io: CommandIo) {
  return resolveStateHome(io.env, io.cwd);
}
