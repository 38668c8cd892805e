import type { Catalog } from '@autocorp/catalog';
import { DEFAULT_CDC_SLOT } from '@autocorp/lake-storage';
import type { CommandIo } from '../cli/command';
import { catalogDatabases, openCatalog } from '../commands/query/query-backends';
import type { ZoneDatabases } from './platform-runtime';

/** What a PlatformRuntime reads besides the store, the source and the events: the profile's catalog, its zone databases, the slot. */
export interface LakeRuntimeParts {
  readonly catalog: Catalog;
  readonly databases: ZoneDatabases;
  readonly slotName: string;
}

/**
 * The catalog of the profile (local JSON under AUTOCORP_HOME, or Glue on aws), its databases
 * (AUTOCORP_RAW_DATABASE / AUTOCORP_CURATED_DATABASE) and the CDC slot, as the other commands find
 * them: `autocorp up` spreads these into its runtime, `autocorp serve` into the static one.
 */
export function lakeRuntimeParts(io: CommandIo, slotName: string = DEFAULT_CDC_SLOT): LakeRuntimeParts {
  return { catalog: openCatalog(io), databases: catalogDatabases(io.env), slotName };
}
