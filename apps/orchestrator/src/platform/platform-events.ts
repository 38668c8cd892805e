// The contract's event and status types (owned by @autocorp/platform-client), as the runtime uses them.
import type { EtlRunEvent } from '@autocorp/platform-client';

export type { ComponentName, EtlRunEvent, Health, PlatformEvent, PlatformStatus } from '@autocorp/platform-client';

export type EtlTrigger = EtlRunEvent['trigger'];
