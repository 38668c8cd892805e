import type { Assistant } from '../assistant';
import type { QueryExecutor } from '@autocorp/query';

/** "May 2025" for 2025-05-17. */
function monthLabel(day: string): string {
  return new Date(`${day.slice(0, 7)}-01T00:00:00Z`).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The last day with orders (YYYY-MM-DD), or null when there are none. */
async function latestOrderDay(executor: QueryExecutor, signal: AbortSignal): Promise<string | null> {
  const result = await executor.execute('SELECT CAST(max(order_date) AS VARCHAR) AS last_day FROM sales_order', [], {
    signal,
  });
  const day = result.rows[0]?.['last_day'];
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}/.test(day) ? day : null;
}

/**
 * Starter questions from the data: the service with the most parts, the part the most services use, and
 * the latest month with orders (real names and dates, so each one has an answer).
 */
export async function chatStarters(assistant: Assistant, executor: QueryExecutor, signal: AbortSignal) {
  const documents = assistant.kb.documents;
  const byMost = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);
  const service = documents
    .filter((d) => d.kind === 'service' && Number(d.fields['parts_count'] ?? 0) > 0)
    .map((d): [string, number] => [d.title, Number(d.fields['parts_count'])])
    .sort(byMost)[0]?.[0];
  const usage = new Map<string, number>();
  for (const d of documents) {
    const part = d.kind === 'service-part' ? d.fields['part'] : undefined;
    if (typeof part === 'string') usage.set(part, (usage.get(part) ?? 0) + 1);
  }
  const part = [...usage].sort(byMost)[0]?.[0];
  const day = await latestOrderDay(executor, signal);
  return [
    ...(service ? [`What parts are needed for ${service}?`] : []),
    ...(part ? [`Which services use ${part}?`] : []),
    ...(day ? [`What are our top-selling parts in ${monthLabel(day)}?`] : []),
    ...(day ? [`How many orders did we have in ${monthLabel(day)}?`] : []),
  ];
}
