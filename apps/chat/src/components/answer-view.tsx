import { chartPoints } from '../chat/chart-points';
import type { Turn } from '../chat/turn';
import { AnswerChart } from './answer-chart';
import { Citations } from './citations';
import { FailureNotice } from './failure-notice';
import { ResultTable } from './result-table';
import { SqlView } from './sql-view';

/** One turn: the question, then the answer as it streams (announced politely), its table, chart, sources and SQL. */
export function AnswerView({ turn }: { turn: Turn }) {
  const answer = turn.answer;
  const points = answer ? chartPoints(answer) : [];
  const streaming = turn.status === 'streaming';
  return (
    <li
      className="turn"
      data-testid="turn"
      data-status={turn.status}
      data-outcome={answer?.outcome}
      data-events={turn.events}
    >
      <p className="question">
        <span className="visually-hidden">You asked: </span>
        {turn.question}
      </p>
      <article className="answer" aria-label={`Answer to: ${turn.question}`}>
        <div
          className="answer-text"
          data-testid="answer-text"
          data-chars={turn.text.length}
          aria-live="polite"
          aria-busy={streaming}
        >
          {turn.text}
          {streaming && turn.text === '' ? <span className="muted">{turn.activity ?? 'Thinking…'}</span> : null}
        </div>
        {streaming && turn.text !== '' && turn.activity ? <p className="muted small">{turn.activity}</p> : null}
        {turn.failure ? <FailureNotice failure={turn.failure} /> : null}
        {answer?.timeRange ? (
          <p className="muted small" data-testid="time-range">
            Period: {answer.timeRange.label} ({answer.timeRange.from} to {answer.timeRange.to}, end excluded)
          </p>
        ) : null}
        {answer?.table ? <ResultTable table={answer.table} caption={`Result of: ${turn.question}`} /> : null}
        {answer?.chart && points.length > 1 ? (
          <AnswerChart kind={answer.chart.kind} title={answer.chart.title} points={points} />
        ) : null}
        {answer ? <Citations citations={answer.citations} /> : null}
        {answer ? <SqlView statements={answer.sql} /> : null}
      </article>
    </li>
  );
}
