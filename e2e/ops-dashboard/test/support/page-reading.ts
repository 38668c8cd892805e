import type { Page } from 'playwright-core';

/** A number as the dashboard prints it ("1,234"), null for "—". */
export function shownNumber(text: string | null | undefined): number | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '—' || trimmed === '') return null;
  const value = Number(trimmed.replace(/,/g, ''));
  if (Number.isNaN(value)) throw new Error(`"${trimmed}" is not a number as the dashboard prints it`);
  return value;
}

export interface ShownCounts {
  readonly source: number | null;
  readonly raw: number | null;
  readonly curated: number | null;
}

/** The Tables page's reconciliation table as shown: table -> its three counts. */
export async function shownTableCounts(page: Page): Promise<Map<string, ShownCounts>> {
  const rows = await page.$$eval('[data-testid="table-counts"] tr[data-table]', (trs) =>
    trs.map((tr) => ({
      table: tr.getAttribute('data-table') ?? '',
      source: tr.querySelector('[data-count="source"]')?.textContent ?? '',
      raw: tr.querySelector('[data-count="raw"]')?.textContent ?? '',
      curated: tr.querySelector('[data-count="curated"]')?.textContent ?? '',
    })),
  );
  return new Map(
    rows.map((r) => [
      r.table,
      { source: shownNumber(r.source), raw: shownNumber(r.raw), curated: shownNumber(r.curated) },
    ]),
  );
}

/** The cells of each row of a table (by test id) whose rows carry `attribute`: attribute value -> cell texts. */
export async function shownRows(page: Page, testId: string, attribute: string): Promise<Map<string, string[]>> {
  const rows = await page.$$eval(
    `[data-testid="${testId}"] tr[${attribute}]`,
    (trs, attr) =>
      trs.map((tr) => [tr.getAttribute(attr) ?? '', [...tr.children].map((td) => td.textContent ?? '')] as const),
    attribute,
  );
  return new Map(rows.map(([key, cells]) => [key, [...cells]]));
}
