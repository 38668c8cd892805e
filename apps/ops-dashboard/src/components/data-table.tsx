import { formatCell } from './format';

/** A plain result table (named queries, SQL, previews): columns as returned, scrolls sideways on a phone. */
export function DataTable({
  columns,
  rows,
  caption,
  testId,
}: {
  columns: readonly { name: string; type?: string }[];
  rows: readonly Record<string, unknown>[];
  caption: string;
  testId?: string;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.name} scope="col" title={c.type}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c.name} className={typeof row[c.name] === 'number' ? 'num' : undefined}>
                  {formatCell(row[c.name])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
