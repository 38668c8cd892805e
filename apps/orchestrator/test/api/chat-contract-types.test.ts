/**
 * One shape of an answer: the chat contract's zod schemas (@autocorp/platform-client, what the browser
 * validates) and the assistant's contract types (what the server streams) stay assignable both ways.
 * `tsc` (the project's typecheck) fails when one side changes without the other; the test also parses a
 * value of the assistant's type with the contract's schema.
 */
import type { Answer, AnswerEvent } from '@autocorp/assistant';
import { AnswerEventSchema, AnswerSchema, type ChatAnswer, type ChatAnswerEvent } from '@autocorp/platform-client';
import { describe, expect, expectTypeOf, it } from 'vitest';

/** true when A and B are assignable to each other. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('the chat contract and the assistant contract', () => {
  it('are assignable to each other (Answer and AnswerEvent)', () => {
    expectTypeOf<Mutual<Answer, ChatAnswer>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<AnswerEvent, ChatAnswerEvent>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<Answer['citations'][number], ChatAnswer['citations'][number]>>().toEqualTypeOf<true>();
    expectTypeOf<Mutual<NonNullable<Answer['table']>, NonNullable<ChatAnswer['table']>>>().toEqualTypeOf<true>();
    const answer: Answer = {
      text: 'Conventional Oil Change uses 3 parts.',
      table: { columns: [{ name: 'sku', type: 'VARCHAR' }], rows: [['P-1'], [null]] },
      chart: { kind: 'bar', x: 'sku', y: 'quantity', title: 'Parts' },
      citations: [
        { kind: 'document', id: 'service:S1', title: 'Conventional Oil Change' },
        { kind: 'table', table: 'service_parts', commit: '20260101000000000' },
      ],
      sql: ['SELECT 1'],
      provider: 'local',
      outcome: 'answered',
      timeRange: { from: '2025-05-01', to: '2025-06-01', label: 'May 2025' },
    };
    const event: AnswerEvent = { type: 'answer', answer };
    expect(AnswerSchema.parse(answer)).toEqual(answer);
    expect(AnswerEventSchema.parse(event)).toEqual(event);
  });
});
