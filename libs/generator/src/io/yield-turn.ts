import { setImmediate as nextTurn } from 'node:timers/promises';

/** Lets other work on the event loop run (the other output, pending I/O callbacks). */
export function yieldTurn(): Promise<void> {
  return nextTurn();
}
