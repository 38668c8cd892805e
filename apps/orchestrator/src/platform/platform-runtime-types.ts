// PROVISIONAL until h/api lands apps/orchestrator/src/api/platform-runtime.ts (the contract's interface).
import type { ObjectStore } from '@autocorp/lake-storage';
import type { PgConnectionConfig, PlatformEvent, PlatformStatus } from './platform-events';

export interface PlatformRuntime {
  readonly store: ObjectStore;
  readonly sourceConnection: PgConnectionConfig | null;
  status(): PlatformStatus;
  subscribe(listener: (event: PlatformEvent) => void): () => void;
}
