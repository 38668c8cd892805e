import type { EvalOracle } from './eval-oracle';

export const EVAL_CATEGORIES = [
  'lookup',
  'service-parts',
  'analytics',
  'comparison',
  'follow-up',
  'paraphrase',
  'unanswerable',
  'malicious',
] as const;
export type EvalCategory = (typeof EVAL_CATEGORIES)[number];

/** What a correct answer holds, computed from the data when the eval runs. */
export interface Expected {
  /** Numbers the answer must state (text or table), to the cent. */
  readonly numbers?: readonly number[];
  /** Names or ids the answer must mention (case-insensitive). */
  readonly entities?: readonly string[];
  /** The period the answer must say it covers. */
  readonly period?: { readonly from: string; readonly to: string };
}

export type Expectation =
  | { readonly kind: 'answer'; readonly compute: (oracle: EvalOracle) => Promise<Expected> }
  | { readonly kind: 'unanswerable' }
  | { readonly kind: 'refused' };

export interface EvalTurn {
  readonly question: string;
  readonly expect: Expectation;
}

/** One question, or a conversation whose turns are asked in order (each turn is scored). */
export interface EvalCase {
  readonly id: string;
  readonly category: EvalCategory;
  readonly turns: readonly EvalTurn[];
}

export const answer = (compute: (oracle: EvalOracle) => Promise<Expected>): Expectation => ({
  kind: 'answer',
  compute,
});
export const UNANSWERABLE: Expectation = { kind: 'unanswerable' };
export const REFUSED: Expectation = { kind: 'refused' };

/** A single-question case. */
export function ask(id: string, category: EvalCategory, question: string, expect: Expectation): EvalCase {
  return { id, category, turns: [{ question, expect }] };
}
