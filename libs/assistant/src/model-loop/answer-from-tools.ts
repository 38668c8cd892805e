import type { Answer, ChartSuggestion, Citation, ResultTable } from '../contract/answer';
import type { ToolResult } from '../contract/tool';
import { ungroundedNumbers } from './number-grounding';
import { CANNOT_ANSWER } from '../providers/local/local-provider';
import { CANNOT_ANSWER_WORDS, WONT_DO } from './system-prompt';

const DATE_LIKE = /^\d{4}-\d{2}(-\d{2})?/;
const NUMERIC_TYPE = /int|decimal|double|float|real|numeric/;

/** A chart when the table has one label column and a numeric one: a line over dates, bars over up to 25 names. */
export function suggestChart(table: ResultTable | undefined): ChartSuggestion | undefined {
  if (!table || table.rows.length < 2) return undefined;
  const y = table.columns.find((c) => NUMERIC_TYPE.test(c.type.toLowerCase()));
  const x = table.columns.find((c) => c !== y && !NUMERIC_TYPE.test(c.type.toLowerCase()));
  if (!x || !y) return undefined;
  const xIndex = table.columns.indexOf(x);
  const overTime = table.rows.every((row) => DATE_LIKE.test(String(row[xIndex] ?? '')));
  if (!overTime && table.rows.length > 25) return undefined;
  return { kind: overTime ? 'line' : 'bar', x: x.name, y: y.name, title: `${y.name} by ${x.name}` };
}

function citationKey(c: Citation): string {
  return c.kind === 'document' ? `document:${c.id}` : `table:${c.table}:${c.commit ?? ''}`;
}

/** Every citation of the results, once. */
export function mergeCitations(results: readonly ToolResult[]): Citation[] {
  const byKey = new Map<string, Citation>();
  for (const result of results)
    for (const c of result.citations) if (!byKey.has(citationKey(c))) byKey.set(citationKey(c), c);
  return [...byKey.values()];
}

export interface ModelAnswerInput {
  readonly provider: Answer['provider'];
  readonly question: string;
  readonly modelText: string;
  readonly results: readonly ToolResult[];
  /** Redacts customer contact details from text. */
  readonly redact: (text: string) => string;
}

/**
 * The Answer of a model provider. Its table, citations and SQL come from the tool results, never from the model;
 * its text is the model's, with contact details redacted, and withheld when it states numbers no tool returned.
 */
export function answerFromTools(input: ModelAnswerInput): Answer {
  const { results } = input;
  const table = [...results].reverse().find((r) => r.table)?.table;
  const citations = mergeCitations(results);
  const sql = results.flatMap((r) => (r.sql ? [r.sql] : []));
  const text = input.redact(input.modelText.trim());
  const base = { provider: input.provider, citations, sql, ...(table ? { table } : {}) };
  if (text.includes(WONT_DO)) return { ...base, text, outcome: 'refused', citations: [], sql: [] };
  if (text.includes(CANNOT_ANSWER_WORDS) || results.length === 0)
    return {
      ...base,
      text: text.includes(CANNOT_ANSWER_WORDS) ? text : `${CANNOT_ANSWER} ${text}`.trim(),
      outcome: 'unanswerable',
    };
  const invented = ungroundedNumbers(text, [
    input.question,
    ...results.map((r) => r.content),
    ...results.map((r) => r.table),
  ]);
  if (invented.length > 0) {
    const withheld = `The model's answer stated numbers no tool returned (${invented.join(', ')}), so it is not shown.`;
    return table
      ? { ...base, text: `${withheld} The table holds what the tools returned.`, outcome: 'answered' }
      : { ...base, text: `${CANNOT_ANSWER} ${withheld}`, outcome: 'unanswerable' };
  }
  const chart = suggestChart(table);
  return { ...base, text, outcome: 'answered', ...(chart ? { chart } : {}) };
}
