import type { Answer, ConversationState } from '../../src/index';

/** An answer as a provider returns it, with the question's number in its text and table. */
export function answerOf(n: number, rows = 1): Answer {
  return {
    text: `Turn ${n} found ${n * 7} orders.`,
    table: {
      columns: [
        { name: 'n', type: 'INTEGER' },
        { name: 'orders', type: 'BIGINT' },
      ],
      rows: Array.from({ length: rows }, (_, i) => [n, n * 7 + i]),
    },
    citations: [{ kind: 'table', table: 'sales_order', commit: '20250101000000000' }],
    sql: [`SELECT ${n} AS n, count(*) AS orders FROM sales_order`],
    provider: 'bedrock',
    outcome: 'answered',
  };
}

/** A conversation of `turns` turns, question i answered by answerOf(i). */
export function conversationOf(id: string, turns: number, rows = 1): ConversationState {
  return {
    id,
    turns: Array.from({ length: turns }, (_, i) => ({ question: `Question ${i}?`, answer: answerOf(i, rows) })),
  };
}
