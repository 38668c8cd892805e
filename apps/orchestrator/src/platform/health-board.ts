import type { PlatformEventHub } from '../api/platform-event-hub';
import type { ComponentName, Health } from './platform-events';

export interface ComponentHealth {
  readonly name: ComponentName;
  readonly health: Health;
  readonly reason: string | null;
  /** When it entered this health (ms since epoch). */
  readonly since: number;
}

/** Each component's health; a change (health or reason) is emitted as a `component` event. */
export class HealthBoard {
  private readonly components = new Map<ComponentName, ComponentHealth>();

  constructor(private readonly hub: PlatformEventHub) {}

  set(name: ComponentName, health: Health, reason: string | null): void {
    const before = this.components.get(name);
    if (before && before.health === health && before.reason === reason) return;
    const at = Date.now();
    this.components.set(name, { name, health, reason, since: before?.health === health ? before.since : at });
    this.hub.publish({ type: 'component', at, component: name, health, reason });
  }

  get(name: ComponentName): ComponentHealth | undefined {
    return this.components.get(name);
  }

  all(): ComponentHealth[] {
    return [...this.components.values()];
  }
}
