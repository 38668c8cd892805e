import { ColumnTable } from './column-table';
import { formatCell } from './format';

type Row = Record<string, unknown>;

/** A plain result table (named queries, SQL, previews): columns as returned, scrolls sideways on a phone. */
export function DataTable({
  columns,
  rows,
  caption,
  testId,
}: {
  columns: readonly { name: string; type?: string }[];
  rows: readonly Row[];
  caption: string;
  testId?: string;
}) {
  return (
    <ColumnTable<Row>
      label={caption}
      caption={caption}
      testId={testId}
      rows={rows}
      rowKey={(_, i) => String(i)}
      columns={columns.map((c) => ({
        header: c.name,
        headerTitle: c.type,
        cell: (row) => formatCell(row[c.name]),
        cellClass: (row) => (typeof row[c.name] === 'number' ? 'num' : undefined),
      }))}
    />
  );
}
