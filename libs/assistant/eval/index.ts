export { EVAL_CASES } from './questions/index';
export { EVAL_CATEGORIES, type EvalCase, type EvalCategory, type Expected } from './eval-types';
export {
  type CategoryScore,
  type EvalReport,
  type RunEvalOptions,
  type TurnResult,
  formatEvalReport,
  runEval,
} from './run-eval';
