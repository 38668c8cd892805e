import type { ChatAnswer } from '../platform/chat-types';
import { formatCell } from '../chat/format';

type Table = NonNullable<ChatAnswer['table']>;

/** An answer's result table; it scrolls sideways on a phone. */
export function ResultTable({ table, caption }: { table: Table; caption: string }) {
  if (table.rows.length === 0) return <p className="muted">The query returned no rows.</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid="result-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.name} scope="col" data-column={c.name}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => {
                const column = table.columns[j];
                return (
                  <td
                    key={j}
                    data-column={column?.name}
                    className={/INT|DEC|NUM|DOUB|FLOAT|REAL/i.test(column?.type ?? '') ? 'num' : undefined}
                  >
                    {formatCell(cell, column?.type ?? '')}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
