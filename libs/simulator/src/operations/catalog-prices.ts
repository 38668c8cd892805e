import { type Part, type Service, formatCents } from '@autocorp/generator';
import type { PlanContext, PlannedTransaction } from './planned-transaction';

/** Shelf prices end in .99, as the generator's catalog does. */
function shelfPrice(dollars: number): number {
  return Math.max(1, Math.round(dollars)) * 100 - 1;
}

/**
 * A supplier price list: one to four parts change price by -8 % to +12 % (still ending in .99).
 * Order lines keep the price they were sold at; the services that need a part cost more or less
 * from now on (their parts cost follows).
 */
export function planPartPriceChange({ state, random, at }: PlanContext): PlannedTransaction | undefined {
  const { parts } = state.catalog;
  const count = 1 + random.int(4);
  const changes = new Map<number, Part>();
  for (let n = 0; n < count; n++) {
    const index = random.int(parts.length);
    const part = parts[index] as Part;
    let priceCents = shelfPrice(((part.priceCents + 1) / 100) * (0.92 + random.next() * 0.2));
    if (priceCents === part.priceCents) priceCents += 100;
    changes.set(index, { ...part, priceCents });
  }
  return {
    kind: 'part-price-change',
    statements: [...changes.values()].map((part) => ({
      table: 'auto_parts',
      action: 'update',
      text: 'UPDATE auto_parts SET price = $1, updated_at = $2 WHERE sku = $3',
      values: [formatCents(part.priceCents), at, part.sku],
    })),
    apply() {
      for (const [index, part] of changes) {
        const before = parts[index] as Part;
        parts[index] = part;
        for (const use of state.servicesUsingSku.get(part.sku) ?? []) {
          const service = state.catalog.services[use.service] as Service;
          state.catalog.services[use.service] = {
            ...service,
            partsCostCents: service.partsCostCents + use.quantity * (part.priceCents - before.priceCents),
          };
        }
      }
    },
  };
}

/** A service's labor rate moves by -$2 to +$5 (in 50-cent steps); its labor cost is rate x minutes / 60. */
export function planServicePriceChange({ state, random, at }: PlanContext): PlannedTransaction | undefined {
  const { services } = state.catalog;
  const index = random.int(services.length);
  const service = services[index] as Service;
  const step = random.between(-4, 10) || 1;
  const laborRateCents = Math.max(5_000, service.laborRateCents + step * 50);
  const changed: Service = {
    ...service,
    laborRateCents,
    laborCostCents: Math.round((laborRateCents * service.laborMinutes) / 60),
  };
  return {
    kind: 'service-price-change',
    statements: [
      {
        table: 'service',
        action: 'update',
        text: 'UPDATE service SET labor_rate = $1, labor_cost = $2, updated_at = $3 WHERE serviceid = $4',
        values: [formatCents(changed.laborRateCents), formatCents(changed.laborCostCents), at, service.serviceid],
      },
    ],
    apply() {
      services[index] = changed;
    },
  };
}
