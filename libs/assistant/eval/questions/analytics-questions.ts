import * as x from '../expected-answers';
import { type EvalCase, answer, ask } from '../eval-types';

const Y = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

/** Sales analytics over periods named relative to the data's calendar or by date. */
export const ANALYTICS_QUESTIONS: readonly EvalCase[] = [
  ask(
    'top-parts-this-month',
    'analytics',
    'What are our top-selling parts this month?',
    answer(async (o) => x.topItems(o, 'part', await o.month(0), 5)),
  ),
  ask(
    'top-10-parts-2024',
    'analytics',
    'Top 10 parts in 2024',
    answer((o) => x.topItems(o, 'part', Y(2024), 10)),
  ),
  ask(
    'revenue-this-year',
    'analytics',
    'What was our revenue this year?',
    answer(async (o) => x.revenue(o, await o.year(0))),
  ),
  ask(
    'orders-last-month',
    'analytics',
    'How many orders did we have last month?',
    answer(async (o) => x.orderCount(o, await o.month(1))),
  ),
  ask(
    'aov-by-payment',
    'analytics',
    'What is the average order value by payment method?',
    answer(async (o) => x.averageByPaymentMethod(o, await o.allTime())),
  ),
  ask(
    'sales-march-2024',
    'analytics',
    'What were total sales in March 2024?',
    answer((o) => x.revenue(o, { from: '2024-03-01', to: '2024-04-01' })),
  ),
  ask(
    'top-services-this-year',
    'analytics',
    'What are the most popular services this year?',
    answer(async (o) => x.topItems(o, 'service', await o.year(0), 5)),
  ),
  ask(
    'most-used-payment',
    'analytics',
    'Which payment method do customers use most?',
    answer(async (o) => x.mostUsedPaymentMethod(o, await o.allTime())),
  ),
  ask(
    'brakes-revenue-2023',
    'analytics',
    'How much revenue came from brakes in 2023?',
    answer((o) => x.lineRevenue(o, Y(2023), "item_category = 'Brakes'")),
  ),
  ask(
    'cash-orders-2023',
    'analytics',
    'How many orders were paid by cash in 2023?',
    answer((o) => x.orderCount(o, Y(2023), { paymentMethod: 'Cash' })),
  ),
  ask(
    'revenue-by-type-last-year',
    'analytics',
    'Revenue by order type last year',
    answer(async (o) => x.byOrderType(o, await o.year(1))),
  ),
  ask(
    'aov-q1-2024',
    'analytics',
    'What was the average order value in Q1 2024?',
    answer((o) => x.averageOrderValue(o, { from: '2024-01-01', to: '2024-04-01' })),
  ),
  ask(
    'service-orders-2022',
    'analytics',
    'How many Service orders did we have in 2022?',
    answer((o) => x.orderCount(o, Y(2022), { orderType: 'Service' })),
  ),
  ask(
    'refunded-orders-2024',
    'analytics',
    'How many orders were refunded in 2024?',
    answer((o) => x.orderCount(o, Y(2024), { status: 'Refunded' })),
  ),
  ask(
    'texas-sales-last-year',
    'analytics',
    'What were sales in Texas last year?',
    answer(async (o) => x.revenue(o, await o.year(1), { state: 'TX' })),
  ),
  ask(
    'top-brake-parts-last-year',
    'analytics',
    'Top 3 brake parts last year',
    answer(async (o) => x.topItems(o, 'part', await o.year(1), 3, 'Brakes')),
  ),
];

const both = async (a: Promise<{ numbers?: readonly number[] }>, b: Promise<{ numbers?: readonly number[] }>) => ({
  numbers: [...((await a).numbers ?? []), ...((await b).numbers ?? [])],
});

/** Two periods or two groups side by side. */
export const COMPARISON_QUESTIONS: readonly EvalCase[] = [
  ask(
    'revenue-this-vs-last-month',
    'comparison',
    'Compare revenue this month and last month',
    answer(async (o) => both(x.revenue(o, await o.month(0)), x.revenue(o, await o.month(1)))),
  ),
  ask(
    'revenue-2024-vs-2023',
    'comparison',
    'Was revenue higher in 2024 or 2023?',
    answer((o) => both(x.revenue(o, Y(2024)), x.revenue(o, Y(2023)))),
  ),
  ask(
    'orders-2022-vs-2023',
    'comparison',
    'Compare the number of orders in 2022 vs 2023',
    answer((o) => both(x.orderCount(o, Y(2022)), x.orderCount(o, Y(2023)))),
  ),
  ask(
    'aov-cash-vs-credit',
    'comparison',
    'Which has a higher average order value, cash or credit card?',
    answer(async (o) => x.averageByPaymentMethod(o, await o.allTime(), ['Cash', 'Credit Card'])),
  ),
  ask(
    'aov-2023-vs-2024',
    'comparison',
    'Average order value in 2023 versus 2024',
    answer((o) => both(x.averageOrderValue(o, Y(2023)), x.averageOrderValue(o, Y(2024)))),
  ),
  ask(
    'revenue-q1-2025-vs-q1-2024',
    'comparison',
    'How did revenue in Q1 2025 compare with Q1 2024?',
    answer((o) =>
      both(
        x.revenue(o, { from: '2025-01-01', to: '2025-04-01' }),
        x.revenue(o, { from: '2024-01-01', to: '2024-04-01' }),
      ),
    ),
  ),
];
