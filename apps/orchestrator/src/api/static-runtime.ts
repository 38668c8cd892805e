import type { Catalog } from '@autocorp/catalog';
import type { CdcConnection } from '@autocorp/cdc';
import type { ObjectStore } from '@autocorp/lake-storage';
import { COMPONENT_NAMES, type PlatformEvent, type PlatformStatus } from '@autocorp/platform-client';
import { PlatformEventHub } from './platform-event-hub';
import type { PlatformRuntime, ZoneDatabases } from './platform-runtime';

export interface StaticRuntimeOptions {
  readonly store: ObjectStore;
  readonly catalog: Catalog;
  readonly databases: ZoneDatabases;
  readonly sourceConnection: CdcConnection | null;
  readonly slotName: string;
  readonly profile: string;
  readonly now?: () => number;
}

/** Why every component of a static runtime is stopped. */
export const STATIC_REASON =
  'nothing is running: this API serves the lake as it is; run "autocorp up" for the live platform';

/**
 * The runtime of `autocorp serve`: the API over an existing lake with no pipeline running. Every
 * component is `stopped`; the only events are the ones published on it (`publish`).
 */
export class StaticRuntime implements PlatformRuntime {
  readonly store: ObjectStore;
  readonly catalog: Catalog;
  readonly databases: ZoneDatabases;
  readonly sourceConnection: CdcConnection | null;
  readonly slotName: string;
  private readonly hub = new PlatformEventHub();
  private readonly startedAt: number;

  constructor(private readonly options: StaticRuntimeOptions) {
    this.store = options.store;
    this.catalog = options.catalog;
    this.databases = options.databases;
    this.sourceConnection = options.sourceConnection;
    this.slotName = options.slotName;
    this.startedAt = (options.now ?? Date.now)();
  }

  status(): PlatformStatus {
    return {
      mode: 'static',
      startedAt: this.startedAt,
      profile: this.options.profile,
      components: COMPONENT_NAMES.map((name) => ({
        name,
        health: 'stopped' as const,
        reason: STATIC_REASON,
        since: this.startedAt,
      })),
      cdc: null,
      etl: null,
      simulator: null,
    };
  }

  subscribe(listener: (event: PlatformEvent) => void): () => void {
    return this.hub.subscribe(listener);
  }

  publish(event: PlatformEvent): void {
    this.hub.publish(event);
  }
}
