import * as x from '../expected-answers';
import { type EvalCase, answer } from '../eval-types';

const Y = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

/** Conversations: each later turn leaves out what the earlier ones said. */
export const FOLLOW_UP_QUESTIONS: readonly EvalCase[] = [
  {
    id: 'top-parts-follow-ups',
    category: 'follow-up',
    turns: [
      {
        question: 'What are our top-selling parts this month?',
        expect: answer(async (o) => x.topItems(o, 'part', await o.month(0), 5)),
      },
      { question: 'and last month?', expect: answer(async (o) => x.topItems(o, 'part', await o.month(1), 5)) },
      { question: 'only brakes', expect: answer(async (o) => x.topItems(o, 'part', await o.month(1), 5, 'Brakes')) },
    ],
  },
  {
    id: 'revenue-follow-ups',
    category: 'follow-up',
    turns: [
      { question: 'How much revenue did we make in 2024?', expect: answer((o) => x.revenue(o, Y(2024))) },
      { question: 'and in 2023?', expect: answer((o) => x.revenue(o, Y(2023))) },
      {
        question: 'compare that to 2022',
        expect: answer(async (o) => ({
          numbers: [...((await x.revenue(o, Y(2023))).numbers ?? []), ...((await x.revenue(o, Y(2022))).numbers ?? [])],
        })),
      },
    ],
  },
  {
    id: 'orders-follow-ups',
    category: 'follow-up',
    turns: [
      {
        question: 'How many orders did we have this year?',
        expect: answer(async (o) => x.orderCount(o, await o.year(0))),
      },
      {
        question: 'what about the ones paid by credit card?',
        expect: answer(async (o) => x.orderCount(o, await o.year(0), { paymentMethod: 'Credit Card' })),
      },
      {
        question: 'and last year?',
        expect: answer(async (o) => x.orderCount(o, await o.year(1), { paymentMethod: 'Credit Card' })),
      },
    ],
  },
  {
    id: 'service-parts-follow-up',
    category: 'follow-up',
    turns: [
      {
        question: 'What parts are needed for a coolant flush?',
        expect: answer((o) => x.serviceParts(o, 'Coolant Flush')),
      },
      {
        question: 'and for a thermostat replacement?',
        expect: answer((o) => x.serviceParts(o, 'Thermostat Replacement')),
      },
    ],
  },
];
