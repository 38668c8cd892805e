import type { Answer, CellValue } from '../contract/answer';
import { isContactColumn, maskContactDetails } from './contact-details';

const cell = (value: CellValue): CellValue => (typeof value === 'string' ? maskContactDetails(value) : value);

/** The answer with customer contact details masked in its text and dropped from its table, whatever provider wrote it. */
export function redactAnswer<A extends Answer>(answer: A): A {
  if (!answer.table) return { ...answer, text: maskContactDetails(answer.text) };
  const keep = answer.table.columns.map((c) => !isContactColumn(c.name));
  return {
    ...answer,
    text: maskContactDetails(answer.text),
    table: {
      columns: answer.table.columns.filter((_, i) => keep[i]),
      rows: answer.table.rows.map((row) => row.filter((_, i) => keep[i]).map(cell)),
    },
  };
}
