/** Timeline actions this engine knows. */
export type InstantAction =
  | 'commit'
  | 'deltacommit'
  | 'replacecommit'
  | 'clean'
  | 'rollback'
  | 'savepoint'
  | 'restore'
  | 'compaction'
  | 'indexing';

export type InstantState = 'requested' | 'inflight' | 'completed';

/** One instant of the active timeline: `<timestamp>.<action>[.<state>]`. */
export interface Instant {
  timestamp: string;
  action: InstantAction;
  state: InstantState;
}

const ACTIONS: InstantAction[] = [
  'commit',
  'deltacommit',
  'replacecommit',
  'clean',
  'rollback',
  'savepoint',
  'restore',
  'compaction',
  'indexing',
];

/**
 * File name of an instant at timeline layout version 1:
 * commit: `.commit.requested`, `.inflight`, `.commit`; other actions: `.<action>.requested`, `.<action>.inflight`, `.<action>`.
 */
export function instantFileName(instant: Instant): string {
  const { timestamp, action, state } = instant;
  if (state === 'completed') return `${timestamp}.${action}`;
  if (state === 'requested') return `${timestamp}.${action}.requested`;
  if (action === 'commit') return `${timestamp}.inflight`;
  return `${timestamp}.${action}.inflight`;
}

/** Parses an instant file name; undefined for files that are not instants (hoodie.properties, folders, lock). */
export function parseInstantFileName(name: string): Instant | undefined {
  const m = /^(\d{14,17})\.([a-z]+)(?:\.(requested|inflight))?$/.exec(name);
  if (!m) return undefined;
  const timestamp = m[1] as string;
  const word = m[2] as string;
  const suffix = m[3];
  if (word === 'inflight' && suffix === undefined) return { timestamp, action: 'commit', state: 'inflight' };
  if (!ACTIONS.includes(word as InstantAction)) return undefined;
  const state: InstantState = suffix === 'requested' ? 'requested' : suffix === 'inflight' ? 'inflight' : 'completed';
  return { timestamp, action: word as InstantAction, state };
}

/** The actions whose completed instants add or replace base files. */
export function isWriteAction(action: InstantAction): boolean {
  return action === 'commit' || action === 'replacecommit' || action === 'deltacommit';
}
