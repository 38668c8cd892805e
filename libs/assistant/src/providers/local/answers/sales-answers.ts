import type { ResultTable, TimeRange } from '../../../contract/answer';
import type { ResolvedEntities } from '../../../contract/provider';
import { RUN_NAMED_QUERY } from '../../../tools/named-query-tool';
import { lineMetricsQuery, orderMetricsQuery, topItemsQuery } from '../analytics-queries';
import { change, count, money, prose } from '../format';
import { stateName } from '../lexicon';
import { type AnswerContext, type Draft, nameOf, rowsOf, runQuery } from './answer-context';

/** How the question narrows the orders, in words ("paid by Cash, in TX"). */
export function filterWords(ctx: AnswerContext, entities: ResolvedEntities): string {
  const parts: string[] = [];
  if (entities.services.length + entities.parts.length > 0)
    parts.push(
      `for ${prose([...entities.services.map((id) => nameOf(ctx.lexicon.services, id)), ...entities.parts.map((id) => nameOf(ctx.lexicon.parts, id))])}`,
    );
  if (entities.categories.length > 0) parts.push(`in ${prose(entities.categories)}`);
  if (entities.orderTypes.length > 0) parts.push(`of type ${prose(entities.orderTypes)}`);
  if (entities.paymentMethods.length > 0) parts.push(`paid by ${prose(entities.paymentMethods)}`);
  if ((entities.statuses ?? []).length > 0) parts.push(`with status ${prose(entities.statuses ?? [])}`);
  if (entities.states.length > 0) parts.push(`from customers in ${prose(entities.states.map(stateName))}`);
  return parts.length > 0 ? ` ${parts.join(', ')}` : '';
}

const byLines = (e: ResolvedEntities) =>
  (e.statuses ?? []).length === 0 && e.categories.length + e.services.length + e.parts.length > 0;

/** Revenue, order count or average order value over one period. */
async function metricOver(ctx: AnswerContext, range: TimeRange, metric: 'revenue' | 'orders' | 'average_order_value') {
  const entities = ctx.resolved.entities;
  if (byLines(entities) && metric !== 'average_order_value') {
    const [row] = rowsOf(await runQuery(ctx, lineMetricsQuery(range, entities)));
    return { value: Number(row?.[metric] ?? 0), row: row ?? {} };
  }
  const [row] = rowsOf(await runQuery(ctx, orderMetricsQuery(range, entities, false)));
  return { value: Number(row?.[metric] ?? 0), row: row ?? {} };
}

const METRIC_WORDS = {
  revenue: { label: 'Revenue', format: money },
  orders: { label: 'Orders', format: count },
  average_order_value: { label: 'The average order value', format: money },
} as const;

/** One metric over the question's periods: one period with a monthly table, or a comparison of several. */
export async function metric(ctx: AnswerContext, which: 'revenue' | 'orders' | 'average_order_value'): Promise<Draft> {
  const words = METRIC_WORDS[which];
  const e = ctx.resolved.entities;
  if ((e.statuses ?? []).length > 0 && e.categories.length + e.services.length + e.parts.length > 0)
    return {
      text: "I can't answer that from the data: order lines carry no order status, so sales of parts or services cannot be split by status. Ask for orders by status, or for the parts and services without it.",
      outcome: 'unanswerable',
    };
  const filters = filterWords(ctx, ctx.resolved.entities);
  const lineNote =
    byLines(ctx.resolved.entities) && which === 'revenue'
      ? ' (sum of the matching order lines)'
      : which === 'revenue'
        ? ' (total_amount of the orders)'
        : '';
  if (ctx.ranges.length > 1) {
    ctx.text.say(`${words.label}${filters}${lineNote}. `);
    const values = [];
    for (const range of ctx.ranges) {
      const value = { range, ...(await metricOver(ctx, range, which)) };
      ctx.text.say(`${values.length > 0 ? '; ' : ''}${range.label}: ${words.format(value.value)}`);
      values.push(value);
    }
    const sentences = values.map((v) => `${v.range.label}: ${words.format(v.value)}`);
    const [a, b] = values;
    const diff =
      a && b
        ? ` ${b.range.label} compared with ${a.range.label}: ${words.format(b.value - a.value)} (${change(a.value, b.value)}).`
        : '';
    return {
      text: `${words.label}${filters}${lineNote}. ${sentences.join('; ')}.${diff}`,
      table: {
        columns: [
          { name: 'period', type: 'varchar' },
          { name: which, type: 'decimal(18,2)' },
        ],
        rows: values.map((v) => [v.range.label, v.value]),
      },
      chart: { kind: 'bar', x: 'period', y: which, title: `${words.label} by period` },
      ...(ctx.ranges[0] ? { timeRange: ctx.ranges[0] } : {}),
    };
  }
  const range = ctx.ranges[0] as TimeRange;
  ctx.text.say(`${words.label}${filters} in ${range.label}${lineNote}: `);
  const months = (Date.parse(range.to) - Date.parse(range.from)) / (31 * 86_400_000);
  let table: ResultTable | undefined;
  let value: number;
  let row: Record<string, string | number | boolean | null>;
  if (!byLines(ctx.resolved.entities) && months > 1.1 && which !== 'average_order_value') {
    // Over several months: one query per month, and the period's totals summed from it (exact, in cents).
    const monthly = await runQuery(ctx, orderMetricsQuery(range, ctx.resolved.entities, true));
    table = monthly.table;
    const rows = rowsOf(monthly);
    const cents = rows.reduce((n, r) => n + Math.round(Number(r['revenue'] ?? 0) * 100), 0);
    row = { orders: rows.reduce((n, r) => n + Number(r['orders'] ?? 0), 0), revenue: (cents / 100).toFixed(2) };
    value = Number(row[which]);
  } else ({ value, row } = await metricOver(ctx, range, which));
  const extra =
    which === 'revenue'
      ? ` from ${count(row['orders'])} orders`
      : which === 'orders'
        ? ` with ${byLines(ctx.resolved.entities) ? 'line ' : ''}revenue ${money(row['revenue'])}`
        : ` over ${count(row['orders'])} orders`;
  return {
    text: `${words.label}${filters} in ${range.label}${lineNote}: ${words.format(value)}${extra}.`,
    ...(table
      ? { table, chart: { kind: 'line' as const, x: 'month', y: which, title: `${words.label} by month` } }
      : {}),
    timeRange: range,
  };
}

/** The best-selling parts or services of the period (a category narrows them). */
export async function topItems(ctx: AnswerContext, lineType: 'part' | 'service'): Promise<Draft> {
  const range = ctx.ranges[0] as TimeRange;
  const limit = ctx.resolved.limit ?? 5;
  const categories = ctx.resolved.entities.categories;
  const result =
    lineType === 'part' && categories.length === 0
      ? await ctx.session.call(RUN_NAMED_QUERY, {
          name: 'top_selling_parts',
          parameters: { from: range.from, to: range.to, limit },
        })
      : await runQuery(ctx, topItemsQuery(lineType, range, categories, limit));
  const rows = rowsOf(result);
  const what = lineType === 'part' ? 'parts' : 'services';
  if (rows.length === 0)
    return {
      text: `No ${what}${filterWords(ctx, ctx.resolved.entities)} were sold in ${range.label}.`,
      timeRange: range,
    };
  const lines = rows.map(
    (r, i) =>
      `${i + 1}. ${String(r['description'])} (${String(r['sku'] ?? r['item_code'])}): ${count(r['units_sold'])} units, ${money(r['revenue'])} revenue, ${count(r['orders'])} orders`,
  );
  return {
    text: `Top ${rows.length} ${what}${filterWords(ctx, { ...ctx.resolved.entities, services: [], parts: [] })} by units sold in ${range.label}:\n${lines.join('\n')}`,
    ...(result.table ? { table: result.table } : {}),
    chart: { kind: 'bar', x: 'description', y: 'units_sold', title: `Top ${what} by units sold, ${range.label}` },
    timeRange: range,
  };
}

/** Average order value, orders and revenue per payment method, from the named query. */
export async function paymentMethods(ctx: AnswerContext, focus: 'average' | 'usage'): Promise<Draft> {
  const range = ctx.ranges[0] as TimeRange;
  const wanted = ctx.resolved.entities.paymentMethods;
  if (focus === 'average' && wanted.length === 0 && !/\b(payment|method|each|per)\b/i.test(ctx.question))
    return metric(ctx, 'average_order_value');
  const result = await ctx.session.call(RUN_NAMED_QUERY, {
    name: 'average_order_value_by_payment_method',
    parameters: { from: range.from, to: range.to },
  });
  const all = rowsOf(result);
  const rows = wanted.length > 0 ? all.filter((r) => wanted.includes(String(r['payment_method']))) : all;
  const sorted = focus === 'usage' ? [...rows].sort((a, b) => Number(b['orders']) - Number(a['orders'])) : rows;
  const lines = sorted.map(
    (r) =>
      `${String(r['payment_method'] ?? 'unknown')}: average order value ${money(r['average_order_value'])} over ${count(r['orders'])} orders (revenue ${money(r['revenue'])})`,
  );
  const top = sorted[0];
  const lead =
    top && sorted.length > 1
      ? focus === 'usage'
        ? `${String(top['payment_method'])} is used most (${count(top['orders'])} orders). `
        : `${String(top['payment_method'])} has the highest average order value (${money(top['average_order_value'])}). `
      : '';
  return {
    text: `${lead}By payment method in ${range.label}:\n${lines.join('\n')}`,
    ...(result.table ? { table: result.table } : {}),
    chart: {
      kind: 'bar',
      x: 'payment_method',
      y: focus === 'usage' ? 'orders' : 'average_order_value',
      title: `By payment method, ${range.label}`,
    },
    timeRange: range,
  };
}

/** Orders and revenue per order type (Parts, Service, Mixed), summed over the months of the named query. */
export async function orderTypes(ctx: AnswerContext): Promise<Draft> {
  const range = ctx.ranges[0] as TimeRange;
  ctx.text.say(`Orders by type in ${range.label}:\n`);
  const result = await ctx.session.call(RUN_NAMED_QUERY, {
    name: 'revenue_by_month_and_order_type',
    parameters: { from: range.from, to: range.to },
  });
  const totals = new Map<string, { orders: number; cents: number }>();
  for (const r of rowsOf(result)) {
    const t = totals.get(String(r['order_type'])) ?? { orders: 0, cents: 0 };
    t.orders += Number(r['orders']);
    t.cents += Math.round(Number(r['revenue']) * 100);
    totals.set(String(r['order_type']), t);
  }
  const rows = [...totals].sort((a, b) => b[1].cents - a[1].cents);
  return {
    text: `Orders by type in ${range.label}:\n${rows.map(([type, t]) => `${type}: ${count(t.orders)} orders, revenue ${money(t.cents / 100)}`).join('\n')}`,
    table: {
      columns: [
        { name: 'order_type', type: 'varchar' },
        { name: 'orders', type: 'bigint' },
        { name: 'revenue', type: 'decimal(18,2)' },
      ],
      rows: rows.map(([type, t]) => [type, t.orders, (t.cents / 100).toFixed(2)]),
    },
    chart: { kind: 'bar', x: 'order_type', y: 'revenue', title: `Revenue by order type, ${range.label}` },
    timeRange: range,
  };
}

/** Customers per state (all, or the states the question names), from named query customers_by_state. */
export async function customersByState(ctx: AnswerContext): Promise<Draft> {
  const result = await ctx.session.call(RUN_NAMED_QUERY, { name: 'customers_by_state', parameters: { limit: 1000 } });
  const all = rowsOf(result);
  const wanted = ctx.resolved.entities.states;
  if (wanted.length > 0) {
    const lines = wanted.map((code) => {
      const row = all.find((r) => r['state'] === code);
      return `${stateName(code)} (${code}): ${count(row?.['customers'] ?? 0)} customers`;
    });
    return { text: lines.join('\n'), ...(result.table ? { table: result.table } : {}) };
  }
  const limit = ctx.resolved.limit ?? 5;
  const top = all.slice(0, limit);
  return {
    text: `Customers by state (${all.length} states), most first:\n${top.map((r) => `${stateName(String(r['state']))} (${String(r['state'])}): ${count(r['customers'])}`).join('\n')}`,
    ...(result.table ? { table: result.table } : {}),
    chart: { kind: 'bar', x: 'state', y: 'customers', title: 'Customers by state' },
  };
}
