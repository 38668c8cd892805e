import { defineNamedQuery, integerValue, stringValue } from './named-query';

export const SERVICE_COMPLEXITY = defineNamedQuery({
  name: 'service_complexity',
  description:
    'Service complexity: parts per service (distinct parts, total units, parts cost at list price), most complex first.',
  parameters: [
    {
      name: 'min_parts',
      type: 'integer',
      description: 'Only services needing at least this many distinct parts',
      default: 0,
      min: 0,
      max: 1000,
    },
    { name: 'limit', type: 'integer', description: 'How many services', default: 200, min: 1, max: 100_000 },
  ],
  tables: ['service', 'service_parts', 'auto_parts'],
  build: (qb, v) =>
    qb
      .selectFrom('service', 's')
      .leftJoin('service_parts', 'sp', (e) => e.eq('sp.serviceid', e.col('s.serviceid')))
      .leftJoin('auto_parts', 'ap', (e) => e.eq('ap.sku', e.col('sp.sku')))
      .select((e) => ({
        serviceid: 's.serviceid',
        service: 's.service',
        category: 's.category',
        labor_minutes: 's.labor_minutes',
        parts_count: e.count('sp.sku'),
        total_parts_quantity: e.coalesce(e.sum('sp.quantity'), 0),
        parts_cost: e.coalesce(e.sum(e.mul('sp.quantity', 'ap.price')), 0),
      }))
      .groupBy(() => ['s.serviceid', 's.service', 's.category', 's.labor_minutes'])
      .having((e) => e.gte(e.count('sp.sku'), integerValue(v, 'min_parts')))
      .orderBy('parts_count', 'desc')
      .orderBy('serviceid', 'asc')
      .limit(integerValue(v, 'limit')),
});

export const SERVICE_WITH_PARTS = defineNamedQuery({
  name: 'service_with_parts',
  description: 'One service with its required parts: quantity, list price and line cost of each part.',
  parameters: [
    { name: 'serviceid', type: 'string', description: 'Service id, e.g. SRV-BRK-001', default: 'SRV-BRK-001' },
  ],
  tables: ['service', 'service_parts', 'auto_parts'],
  build: (qb, v) =>
    qb
      .selectFrom('service', 's')
      .innerJoin('service_parts', 'sp', (e) => e.eq('sp.serviceid', e.col('s.serviceid')))
      .innerJoin('auto_parts', 'ap', (e) => e.eq('ap.sku', e.col('sp.sku')))
      .select((e) => ({
        serviceid: 's.serviceid',
        service: 's.service',
        service_category: 's.category',
        labor_minutes: 's.labor_minutes',
        labor_cost: 's.labor_cost',
        sku: 'ap.sku',
        part_description: 'ap.description',
        manufacturer: 'ap.manufacturer',
        quantity: 'sp.quantity',
        unit_price: 'ap.price',
        line_cost: e.mul('sp.quantity', 'ap.price'),
      }))
      .where((e) => e.eq('s.serviceid', stringValue(v, 'serviceid')))
      .orderBy('sku', 'asc'),
});
