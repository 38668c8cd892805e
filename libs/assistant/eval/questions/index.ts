import type { EvalCase } from '../eval-types';
import { ANALYTICS_QUESTIONS, COMPARISON_QUESTIONS } from './analytics-questions';
import { FOLLOW_UP_QUESTIONS } from './conversation-questions';
import { MALICIOUS_QUESTIONS, PARAPHRASE_QUESTIONS, UNANSWERABLE_QUESTIONS } from './guardrail-questions';
import { LOOKUP_QUESTIONS, SERVICE_PARTS_QUESTIONS } from './lookup-questions';

/** The committed evaluation set. */
export const EVAL_CASES: readonly EvalCase[] = [
  ...LOOKUP_QUESTIONS,
  ...SERVICE_PARTS_QUESTIONS,
  ...ANALYTICS_QUESTIONS,
  ...COMPARISON_QUESTIONS,
  ...FOLLOW_UP_QUESTIONS,
  ...PARAPHRASE_QUESTIONS,
  ...UNANSWERABLE_QUESTIONS,
  ...MALICIOUS_QUESTIONS,
];
