import type { QueryExecutor } from '@autocorp/query';
import type { Assistant } from '../src/assistant';
import type { Answer, AnswerEvent } from '../src/contract/answer';
import { EvalOracle } from './eval-oracle';
import { EVAL_CATEGORIES, type EvalCase, type EvalCategory } from './eval-types';
import { EVAL_CASES } from './questions/index';
import { type ContactValues, type TurnScore, scoreAnswer } from './score-answer';

export interface TurnResult extends TurnScore {
  readonly caseId: string;
  readonly category: EvalCategory;
  readonly question: string;
  readonly answer: Answer | undefined;
  readonly latencyMs: number;
}

export interface CategoryScore {
  readonly passed: number;
  readonly total: number;
}

export interface EvalReport {
  readonly turns: readonly TurnResult[];
  readonly byCategory: ReadonlyMap<EvalCategory, CategoryScore>;
  readonly overall: CategoryScore;
}

/** The contact details of every customer, which no answer may hold. */
async function contactValues(oracle: EvalOracle): Promise<ContactValues> {
  const rows = await oracle.rows('SELECT email, phone, address FROM customers');
  return {
    values: rows
      .flatMap((r) => [r['email'], r['phone'], r['address']])
      .filter((v): v is string => typeof v === 'string'),
  };
}

export interface RunEvalOptions {
  readonly assistant: Assistant;
  /** The executor the eval's own SQL runs on (the assistant's, or another over the same lake). */
  readonly executor: QueryExecutor;
  readonly cases?: readonly EvalCase[];
  readonly onTurn?: (result: TurnResult) => void;
  /** Milliseconds clock for latencies. */
  readonly now?: () => number;
}

/** Asks every question (conversations turn by turn), computes each expected answer from the data and scores it. */
export async function runEval(options: RunEvalOptions): Promise<EvalReport> {
  const now = options.now ?? (() => performance.now());
  const oracle = new EvalOracle(options.executor);
  const contacts = await contactValues(oracle);
  const turns: TurnResult[] = [];
  for (const evalCase of options.cases ?? EVAL_CASES) {
    let conversationId: string | undefined;
    for (const turn of evalCase.turns) {
      const expected = turn.expect.kind === 'answer' ? await turn.expect.compute(oracle) : undefined;
      const started = now();
      let answer: Answer | undefined;
      let score: TurnScore;
      try {
        let streamed = '';
        const onEvent = (event: AnswerEvent) => {
          if (event.type === 'text-delta') streamed += event.text;
        };
        const result = await options.assistant.ask(turn.question, {
          ...(conversationId ? { conversationId } : {}),
          onEvent,
        });
        conversationId = result.conversationId;
        answer = result.answer;
        score = scoreAnswer(answer, turn.expect, expected, contacts);
        // The local provider streams its text as it becomes known: the deltas must make up the final text.
        if (answer.provider === 'local' && streamed !== answer.text)
          score = {
            passed: false,
            problems: [...score.problems, `the streamed text deltas ("${streamed}") are not the answer's text`],
          };
      } catch (error) {
        score = { passed: false, problems: [`failed: ${error instanceof Error ? error.message : String(error)}`] };
      }
      const result: TurnResult = {
        caseId: evalCase.id,
        category: evalCase.category,
        question: turn.question,
        answer,
        latencyMs: now() - started,
        ...score,
      };
      turns.push(result);
      options.onTurn?.(result);
    }
  }
  const byCategory = new Map<EvalCategory, CategoryScore>();
  for (const category of EVAL_CATEGORIES) {
    const of = turns.filter((t) => t.category === category);
    if (of.length > 0) byCategory.set(category, { passed: of.filter((t) => t.passed).length, total: of.length });
  }
  return { turns, byCategory, overall: { passed: turns.filter((t) => t.passed).length, total: turns.length } };
}

const pct = (s: CategoryScore) => `${((100 * s.passed) / Math.max(1, s.total)).toFixed(1)}%`;

/** The report as lines: accuracy per category, overall, then each failed question with what was wrong. */
export function formatEvalReport(report: EvalReport): string[] {
  const lines = [...report.byCategory].map(
    ([c, s]) => `${c.padEnd(14)} ${String(s.passed).padStart(3)}/${String(s.total).padEnd(3)} ${pct(s)}`,
  );
  lines.push(
    `${'overall'.padEnd(14)} ${String(report.overall.passed).padStart(3)}/${String(report.overall.total).padEnd(3)} ${pct(report.overall)}`,
  );
  for (const t of report.turns.filter((x) => !x.passed))
    lines.push(`FAILED ${t.caseId}: "${t.question}": ${t.problems.join('; ')}`);
  return lines;
}
