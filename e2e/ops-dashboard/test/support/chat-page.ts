import type { Locator, Page } from 'playwright-core';

/** A question's answer as the chat page shows it. */
export interface ShownAnswer {
  readonly turn: Locator;
  readonly status: string | null;
  readonly outcome: string | null;
  readonly text: string;
  /** The result table's rows as column -> cell text. */
  readonly rows: Record<string, string>[];
}

/** Types a question into the box and sends it with Enter (the keyboard path a user takes). */
export async function askWithEnter(page: Page, question: string): Promise<void> {
  const box = page.getByLabel(/Your question/);
  await box.fill(question);
  await box.press('Enter');
}

/** Waits until the `index`-th turn (0-based) has its answer or its failure, and reads it. */
export async function shownAnswer(page: Page, index: number): Promise<ShownAnswer> {
  const turn = page.getByTestId('turn').nth(index);
  await turn.and(page.locator('[data-status="done"], [data-status="failed"]')).waitFor();
  const rows = await turn
    .locator('[data-testid="result-table"] tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Object.fromEntries(
          [...tr.querySelectorAll('td')].map((td) => [td.getAttribute('data-column') ?? '', td.textContent ?? '']),
        ),
      ),
    );
  return {
    turn,
    status: await turn.getAttribute('data-status'),
    outcome: await turn.getAttribute('data-outcome'),
    text: (await turn.getByTestId('answer-text').textContent()) ?? '',
    rows,
  };
}

/** A number as the chat prints it in a table ("1,234.50" -> 1234.5). */
export function shownAmount(text: string | undefined): number {
  return Number((text ?? '').replace(/,/g, ''));
}
