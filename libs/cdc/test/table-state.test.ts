import { describe, expect, it } from 'vitest';
import { CdcError } from '../src/cdc-error';
import { isSynced, nextTableState, type TableEvent, type TableState } from '../src/state/table-state';

const loaded = { lsn: '0/16B3748', loadRows: 12, loadFiles: 1 };
const states: Record<string, TableState | undefined> = {
  none: undefined,
  data_sync: { state: 'data_sync', startedAt: '2026-12-07T10:00:00.000Z' },
  sync_done: { state: 'sync_done', ...loaded },
  ready: { state: 'ready', ...loaded },
  errored: {
    state: 'errored',
    reason: 'An update of notes left column "body" out as unchanged TOAST.',
    solution: 'Run dropCdc.',
  },
};
const events: Record<string, TableEvent> = {
  'load-started': { event: 'load-started', at: '2026-12-07T11:00:00.000Z' },
  'load-done': { event: 'load-done', ...loaded },
  streaming: { event: 'streaming' },
  failed: { event: 'failed', reason: 'it broke.', solution: 'Fix it.' },
};
/** The lifecycle: which state each (state, event) pair leads to; a missing pair is refused. */
const allowed: Record<string, Record<string, string>> = {
  none: { 'load-started': 'data_sync', failed: 'errored' },
  data_sync: { 'load-started': 'data_sync', 'load-done': 'sync_done', failed: 'errored' },
  sync_done: { 'load-started': 'data_sync', streaming: 'ready', failed: 'errored' },
  ready: { 'load-started': 'data_sync', streaming: 'ready', failed: 'errored' },
  errored: { 'load-started': 'data_sync', failed: 'errored' },
};

describe('nextTableState', () => {
  for (const [from, state] of Object.entries(states)) {
    for (const [name, event] of Object.entries(events)) {
      const to = allowed[from]?.[name];
      it(`${from} + ${name} -> ${to ?? 'refused'}`, () => {
        if (to === undefined) {
          const error = (() => {
            try {
              nextTableState('notes', state, event);
            } catch (e) {
              return e;
            }
            return undefined;
          })();
          expect(error).toBeInstanceOf(CdcError);
          expect((error as CdcError).kind).toBe('state-corrupt');
          expect((error as CdcError).message).toContain('notes');
          return;
        }
        const next = nextTableState('notes', state, event);
        expect(next.state).toBe(to);
        if (next.state === 'errored' && event.event === 'failed')
          expect([next.reason, next.solution]).toEqual([event.reason, event.solution]);
        if (next.state === 'sync_done' || next.state === 'ready') {
          const source = event.event === 'load-done' ? event : state;
          expect(next).toMatchObject({
            lsn: (source as typeof loaded).lsn,
            loadRows: (source as typeof loaded).loadRows,
          });
        }
        expect(isSynced(next)).toBe(to === 'sync_done' || to === 'ready');
      });
    }
  }
});
