import type { ReactNode } from 'react';

/** One column of a ColumnTable: its header and how a row draws its cell. */
export interface ColumnSpec<Row> {
  readonly header: string;
  readonly cell: (row: Row, index: number) => ReactNode;
  /** Right-aligned figures (header and cells). */
  readonly numeric?: boolean;
  /** Extra class of a cell ('diff', 'cell-fail', 'wrap'...). */
  readonly cellClass?: (row: Row) => string | undefined;
  /** Tooltip of a cell (a run id). */
  readonly cellTitle?: (row: Row) => string | undefined;
  /** Tooltip of the header (a column's type). */
  readonly headerTitle?: string;
  /** The cell names its row (drawn as a row header). */
  readonly rowHeader?: boolean;
}

export interface ColumnTableProps<Row> {
  readonly columns: readonly ColumnSpec<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row, index: number) => string;
  /** The scroll region's accessible name. */
  readonly label: string;
  readonly caption?: string;
  readonly testId?: string;
  /** data-* attributes of a row (the tests find rows by them: data-run, data-instant, data-table). */
  readonly rowData?: (row: Row) => Record<`data-${string}`, string | boolean>;
  readonly rowClass?: (row: Row) => string | undefined;
}

const classes = (...names: (string | undefined | false)[]) => names.filter(Boolean).join(' ') || undefined;

/** A table drawn from column specs: headers, cells, numeric alignment; scrolls sideways on a phone. */
export function ColumnTable<Row>({
  columns,
  rows,
  rowKey,
  label,
  caption,
  testId,
  rowData,
  rowClass,
}: ColumnTableProps<Row>) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table data-testid={testId}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined} title={c.headerTitle}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} className={rowClass?.(row)} {...rowData?.(row)}>
              {columns.map((c) => {
                const Cell = c.rowHeader ? 'th' : 'td';
                return (
                  <Cell
                    key={c.header}
                    scope={c.rowHeader ? 'row' : undefined}
                    className={classes(c.numeric && 'num', c.cellClass?.(row))}
                    title={c.cellTitle?.(row)}
                  >
                    {c.cell(row, index)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
