import type pg from 'pg';
import { CdcError } from '../cdc-error';
import type { ResolvedOptions } from '../options';
import { invalidatedError, readSlot, type SlotInfo, slotInUseError, slotInvalidated } from './slot-info';

/** The slot, once no other process streams from it (a killed predecessor's walsender may linger briefly). */
export async function waitForFreeSlot(sql: pg.Client, options: ResolvedOptions): Promise<SlotInfo> {
  const deadline = Date.now() + options.slotBusyTimeoutMs;
  for (;;) {
    const slot = await readSlot(sql, options.slotName);
    if (!slot) {
      throw new CdcError(
        'slot-missing',
        `Replication slot "${options.slotName}" does not exist, though the lake holds CDC state for it: changes since then cannot be recovered. Run dropCdc and start CDC again to take a new full load.`,
      );
    }
    if (slotInvalidated(slot)) throw invalidatedError(slot);
    if (!slot.active) return slot;
    if (Date.now() >= deadline) throw slotInUseError(slot);
    await new Promise((r) => setTimeout(r, 200));
  }
}
