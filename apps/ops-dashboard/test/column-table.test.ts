/**
 * The one table component the dashboard's tables are drawn with (micro-batches, job runs, run
 * history, commit timeline, counts, freshness, schema, quarantine, results), rendered by React itself.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type ColumnSpec, ColumnTable } from '../src/components/column-table';

interface Commit {
  readonly instant: string;
  readonly inserted: number;
  readonly failed: boolean;
}

const ROWS: Commit[] = [
  { instant: '20261207101500000', inserted: 12, failed: false },
  { instant: '20261207102000000', inserted: 0, failed: true },
];

const COLUMNS: ColumnSpec<Commit>[] = [
  { header: 'Instant', rowHeader: true, cell: (c) => c.instant },
  { header: 'Inserted', numeric: true, cell: (c) => c.inserted, cellClass: (c) => (c.failed ? 'diff' : undefined) },
  { header: 'Position', cell: (_, index) => `#${index + 1}`, cellTitle: (c) => `commit ${c.instant}` },
];

describe('ColumnTable', () => {
  it('draws a header per column and a cell per column and row, as the specs say', () => {
    const html = renderToStaticMarkup(
      createElement(ColumnTable<Commit>, { columns: COLUMNS, rows: ROWS, rowKey: (c) => c.instant, label: 'T' }),
    );
    const headers = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual(COLUMNS.map((c) => c.header));
    const rows = [...html.matchAll(/<tr( [^>]*)?>(.*?)<\/tr>/g)].slice(1);
    expect(rows).toHaveLength(ROWS.length);
    ROWS.forEach((row, index) => {
      const cells = [...(rows[index]?.[2] ?? '').matchAll(/<(td|th)[^>]*>([^<]*)<\/\1>/g)].map((m) => m[2]);
      expect(cells).toEqual(COLUMNS.map((c) => String(c.cell(row, index))));
    });
  });

  it('marks numeric columns, row headers, cell and row classes, tooltips and the rows data attributes', () => {
    const html = renderToStaticMarkup(
      createElement(ColumnTable<Commit>, {
        columns: COLUMNS,
        rows: ROWS,
        rowKey: (c) => c.instant,
        label: 'Timeline',
        caption: 'Commits',
        testId: 'timeline',
        rowData: (c) => ({ 'data-instant': c.instant }),
        rowClass: (c) => (c.failed ? 'diff' : undefined),
      }),
    );
    expect(html).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="Timeline">');
    expect(html).toContain('<table data-testid="timeline"><caption>Commits</caption>');
    expect(html).toContain('<th scope="col" class="num">Inserted</th>');
    for (const row of ROWS) {
      const tr = new RegExp(`<tr${row.failed ? ' class="diff"' : ''} data-instant="${row.instant}">`);
      expect(html).toMatch(tr);
      expect(html).toContain(`<th scope="row">${row.instant}</th>`);
      expect(html).toContain(`<td class="num${row.failed ? ' diff' : ''}">${row.inserted}</td>`);
      expect(html).toContain(`title="commit ${row.instant}"`);
    }
  });
});
