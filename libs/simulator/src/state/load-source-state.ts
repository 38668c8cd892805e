import type { Part, Service, ServicePart } from '@autocorp/generator';
import type pg from 'pg';
import { OPEN_STATUSES } from '../order-lifecycle';
import { SimulatorError } from '../simulator-error';
import { parseCents } from '../sql-values';
import { IdSet } from './id-set';
import type { OpenOrder, SourceState } from './source-state';

type Row = Record<string, string>;

async function rows(client: pg.Client, sql: string, values: unknown[] = []): Promise<Row[]> {
  return (await client.query<Row>(sql, values)).rows;
}

function toNumber(value: string | undefined): number {
  return value === undefined || value === null ? 0 : Number(value);
}

async function loadCatalog(client: pg.Client): Promise<SourceState['catalog']> {
  const parts: Part[] = (
    await rows(
      client,
      'SELECT sku, description, category, manufacturer, price::text AS price, stock_quantity FROM auto_parts ORDER BY sku',
    )
  ).map((r) => ({
    sku: r.sku as string,
    description: r.description as string,
    category: r.category as string,
    manufacturer: r.manufacturer as string,
    priceCents: parseCents(r.price as string),
    stockQuantity: toNumber(r.stock_quantity),
  }));
  const serviceParts: ServicePart[] = (
    await rows(client, 'SELECT serviceid, sku, quantity FROM service_parts ORDER BY serviceid, sku')
  ).map((r) => ({ serviceid: r.serviceid as string, sku: r.sku as string, quantity: toNumber(r.quantity) }));
  const priceBySku = new Map(parts.map((p) => [p.sku, p.priceCents]));
  const partsCost = new Map<string, number>();
  for (const sp of serviceParts) {
    const cost = sp.quantity * (priceBySku.get(sp.sku) ?? 0);
    partsCost.set(sp.serviceid, (partsCost.get(sp.serviceid) ?? 0) + cost);
  }
  const services: Service[] = (
    await rows(
      client,
      'SELECT serviceid, service, category, labor_minutes, labor_rate::text AS labor_rate, labor_cost::text AS labor_cost FROM service ORDER BY serviceid',
    )
  ).map((r) => ({
    serviceid: r.serviceid as string,
    name: r.service as string,
    category: r.category as string,
    laborMinutes: toNumber(r.labor_minutes),
    laborRateCents: parseCents(r.labor_rate as string),
    laborCostCents: parseCents(r.labor_cost as string),
    partsCostCents: partsCost.get(r.serviceid as string) ?? 0,
  }));
  return { parts, services, serviceParts, createdAt: '', updatedAt: '' };
}

async function loadOpenOrders(client: pg.Client): Promise<IdSet<OpenOrder>> {
  const open = new IdSet<OpenOrder>((o) => o.orderId);
  const openStatusParam = [[...OPEN_STATUSES]];
  const openFilter = 'order_id IN (SELECT order_id FROM sales_order WHERE status = ANY($1::text[]))';
  for (const r of await rows(
    client,
    'SELECT order_id, status FROM sales_order WHERE status = ANY($1::text[]) ORDER BY order_id',
    openStatusParam,
  )) {
    open.add({ orderId: toNumber(r.order_id), status: r.status as OpenOrder['status'], parts: [], services: [] });
  }
  for (const r of await rows(
    client,
    `SELECT line_item_id, order_id, sku, quantity, unit_price::text AS unit_price, line_total::text AS line_total
     FROM sales_order_parts WHERE ${openFilter} ORDER BY line_item_id`,
    openStatusParam,
  )) {
    open.get(toNumber(r.order_id))?.parts.push({
      lineItemId: toNumber(r.line_item_id),
      sku: r.sku as string,
      quantity: toNumber(r.quantity),
      unitCents: parseCents(r.unit_price as string),
      totalCents: parseCents(r.line_total as string),
    });
  }
  for (const r of await rows(
    client,
    `SELECT line_item_id, order_id, serviceid, quantity, labor_minutes, labor_cost::text AS labor_cost, parts_cost::text AS parts_cost
     FROM sales_order_services WHERE ${openFilter} ORDER BY line_item_id`,
    openStatusParam,
  )) {
    open.get(toNumber(r.order_id))?.services.push({
      lineItemId: toNumber(r.line_item_id),
      serviceid: r.serviceid as string,
      quantity: toNumber(r.quantity),
      laborMinutes: toNumber(r.labor_minutes),
      laborCents: parseCents(r.labor_cost as string),
      partsCents: parseCents(r.parts_cost as string),
    });
  }
  return open;
}

async function idsWithStatus(client: pg.Client, status: string): Promise<IdSet<number>> {
  const set = new IdSet<number>((id) => id);
  const { rows: found } = await client.query<{ order_id: string }>(
    'SELECT order_id FROM sales_order WHERE status = $1 ORDER BY order_id',
    [status],
  );
  for (const r of found) set.add(Number(r.order_id));
  return set;
}

/**
 * Reads what the simulator needs from one consistent snapshot: the catalog with current prices,
 * the customers, the open orders with their lines, the ids of Completed and Cancelled orders and
 * the next free ids. Refuses a database without a catalog or customers.
 */
export async function loadSourceState(client: pg.Client): Promise<SourceState> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const catalog = await loadCatalog(client);
    const customerIds = (await rows(client, 'SELECT customer_id FROM customers ORDER BY customer_id')).map((r) =>
      toNumber(r.customer_id),
    );
    if (catalog.parts.length === 0 || catalog.services.length === 0 || customerIds.length === 0) {
      throw new SimulatorError(
        'source-not-ready',
        `the source database has ${catalog.parts.length} parts, ${catalog.services.length} services and ${customerIds.length} customers; the simulator needs all three: load it first (autocorp generate --target postgres)`,
      );
    }
    const [maxes] = await rows(
      client,
      `SELECT (SELECT coalesce(max(order_id), 0) FROM sales_order) AS orders,
              (SELECT count(*) FROM sales_order) AS order_count,
              (SELECT coalesce(max(line_item_id), 0) FROM sales_order_parts) AS parts,
              (SELECT coalesce(max(line_item_id), 0) FROM sales_order_services) AS services`,
    );
    const state: SourceState = {
      catalog,
      partIndexBySku: new Map(catalog.parts.map((p, i) => [p.sku, i])),
      servicesUsingSku: servicesUsingSku(catalog),
      customerIds,
      open: await loadOpenOrders(client),
      completed: await idsWithStatus(client, 'Completed'),
      cancelled: await idsWithStatus(client, 'Cancelled'),
      nextOrderId: toNumber(maxes?.orders) + 1,
      nextPartLineId: toNumber(maxes?.parts) + 1,
      nextServiceLineId: toNumber(maxes?.services) + 1,
      orderCount: toNumber(maxes?.order_count),
    };
    await client.query('COMMIT');
    return state;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function servicesUsingSku(catalog: SourceState['catalog']): SourceState['servicesUsingSku'] {
  const serviceIndex = new Map(catalog.services.map((s, i) => [s.serviceid, i]));
  const out = new Map<string, { service: number; quantity: number }[]>();
  for (const sp of catalog.serviceParts) {
    const service = serviceIndex.get(sp.serviceid);
    if (service === undefined) continue;
    const list = out.get(sp.sku) ?? [];
    list.push({ service, quantity: sp.quantity });
    out.set(sp.sku, list);
  }
  return out;
}
