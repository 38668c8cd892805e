import { ByteWriter } from '../io/byte-writer';
import type { Random } from '../random/random';
import type { DefectKind } from '../scale';
import type { OrderFileKey } from './csv-files';

/**
 * One place in the shuffle window: the bytes of one invoice version (its order row and line
 * rows) or of one extra row (an exact copy or a dirty row) of one file.
 */
export class Slot {
  readonly orders = new ByteWriter(256);
  readonly parts = new ByteWriter(1024);
  readonly services = new ByteWriter(512);
  orderRows = 0;
  partRows = 0;
  serviceRows = 0;
  defectFile: OrderFileKey | null = null;
  defect: DefectKind | null = null;
  invoice = '';

  clear(): void {
    this.orders.reset();
    this.parts.reset();
    this.services.reset();
    this.orderRows = 0;
    this.partRows = 0;
    this.serviceRows = 0;
    this.defectFile = null;
    this.defect = null;
    this.invoice = '';
  }
}

/**
 * A fixed-size window that releases rows in a random order: each new unit takes the place of a
 * random earlier one, which is written out first. Rows drift by about the window size, which
 * is how out-of-order exports look, and memory stays constant (the slots are reused).
 */
export class SlotWindow {
  private readonly slots: Slot[] = [];
  private filled = 0;

  constructor(
    private readonly size: number,
    private readonly random: Random,
    private readonly release: (slot: Slot) => void,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(new Slot());
  }

  /**
   * A cleared slot to fill now; when the window is full, a random slot is released first.
   * `busy` (a slot being filled) is never the one released.
   */
  claim(busy?: Slot): Slot {
    if (this.filled < this.size) return this.slots[this.filled++] as Slot;
    let slot = this.slots[this.random.int(this.size)] as Slot;
    while (slot === busy) slot = this.slots[this.random.int(this.size)] as Slot;
    this.release(slot);
    slot.clear();
    return slot;
  }

  /** Releases the slots still held, in random order. */
  drain(): void {
    while (this.filled > 0) {
      const i = this.random.int(this.filled);
      const slot = this.slots[i] as Slot;
      this.release(slot);
      this.slots[i] = this.slots[this.filled - 1] as Slot;
      this.slots[this.filled - 1] = slot;
      this.filled--;
    }
  }
}
