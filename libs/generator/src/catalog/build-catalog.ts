import { CATALOG_COUNTS } from '../scale';
import { Random } from '../random/random';
import { CATEGORIES, type CategoryName } from './categories';
import type { Catalog, Part, Service, ServicePart } from './catalog';
import { PART_TYPES, type PartType } from './part-types';
import { SERVICE_DEFINITIONS } from './service-definitions';

const GRADES = [
  { name: 'Economy', factor: 0.75 },
  { name: 'Standard', factor: 1 },
  { name: 'Premium', factor: 1.3 },
  { name: 'OE Replacement', factor: 1.15 },
  { name: 'Heavy Duty', factor: 1.4 },
] as const;

const CATALOG_CREATED_AT = '2019-06-01 08:00:00';
const CATALOG_UPDATED_AT = '2019-12-15 17:30:00';

function codeOf(category: CategoryName): string {
  const found = CATEGORIES.find((c) => c.name === category);
  if (!found) throw new RangeError(`unknown category ${category}`);
  return found.code;
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A price ending in .99 within the type's range, adjusted by grade. */
function priceCents(type: PartType, factor: number, random: Random): number {
  const [lo, hi] = type.price;
  const dollars = (lo + random.next() * (hi - lo)) * factor;
  return Math.max(1, Math.round(dollars)) * 100 - 1;
}

function buildParts(random: Random): { parts: Part[]; typeOf: PartType[] } {
  const variants = PART_TYPES.map(() => Math.floor(CATALOG_COUNTS.autoParts / PART_TYPES.length));
  const extra = CATALOG_COUNTS.autoParts - variants.reduce((s, n) => s + n, 0);
  for (const i of shuffled(
    PART_TYPES.map((_, i) => i),
    random,
  ).slice(0, extra))
    variants[i] = (variants[i] as number) + 1;

  const parts: Part[] = [];
  const typeOf: PartType[] = [];
  const serialByCategory = new Map<string, number>();
  PART_TYPES.forEach((type, t) => {
    const makers = shuffled(type.makers, random);
    const grades = shuffled(GRADES, random);
    for (let v = 0; v < (variants[t] as number); v++) {
      const grade = grades[v % grades.length] as (typeof GRADES)[number];
      const code = codeOf(type.category);
      const serial = serialByCategory.get(code) ?? 0;
      serialByCategory.set(code, serial + 1);
      parts.push({
        sku: `${code}-${String(10000 + serial * 17 + random.int(17)).padStart(5, '0')}`,
        description: `${type.name} - ${grade.name}`,
        category: type.category,
        manufacturer: makers[v % makers.length] as string,
        priceCents: priceCents(type, grade.factor, random),
        stockQuantity: random.int(251),
      });
      typeOf.push(type);
    }
  });
  return { parts, typeOf };
}

/** Parts per service: the most complex service needs exactly 27, the total is exactly 1,074. */
function partCounts(random: Random): number[] {
  const defs = SERVICE_DEFINITIONS;
  const maxIndex = defs.reduce((best, d, i) => (d.minutes > (defs[best] as typeof d).minutes ? i : best), 0);
  const cap = CATALOG_COUNTS.maxPartsPerService - 1;
  const restTotal = CATALOG_COUNTS.serviceParts - CATALOG_COUNTS.maxPartsPerService;
  const weights = defs.map((d) => Math.pow(d.minutes, 0.55) * (0.7 + 0.6 * random.next()));
  const weightSum = weights.reduce((s, w, i) => (i === maxIndex ? s : s + w), 0);
  const counts = weights.map((w) => Math.min(cap, Math.max(1, Math.round((w * restTotal) / weightSum))));
  counts[maxIndex] = 0;
  let diff = restTotal - counts.reduce((s, n) => s + n, 0);
  while (diff !== 0) {
    const i = random.int(defs.length);
    if (i === maxIndex) continue;
    const n = counts[i] as number;
    if (diff > 0 && n < cap) {
      counts[i] = n + 1;
      diff--;
    } else if (diff < 0 && n > 1) {
      counts[i] = n - 1;
      diff++;
    }
  }
  counts[maxIndex] = CATALOG_COUNTS.maxPartsPerService;
  return counts;
}

/**
 * Picks `count` distinct parts, favouring the service's own category, then fluids and shop
 * supplies, and cheaper parts (hardware, gaskets) over big assemblies.
 */
function pickServiceParts(category: string, count: number, parts: readonly Part[], random: Random): number[] {
  const keyed = parts.map((p, i) => {
    const affinity =
      p.category === category
        ? 6
        : p.category === 'Fluids & Filters'
          ? 1
          : p.category === 'General Preventive Maintenance'
            ? 0.5
            : 0.02;
    const weight = affinity / Math.sqrt(p.priceCents / 100);
    return { i, key: Math.pow(random.next(), 1 / weight) };
  });
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return keyed
    .slice(0, count)
    .map((k) => k.i)
    .sort((a, b) => a - b);
}

/** Builds the catalog from the seed: names and counts are fixed, prices and picks follow the seed. */
export function buildCatalog(seed: number): Catalog {
  const random = Random.stream(seed, 'catalog');
  const { parts, typeOf } = buildParts(random);
  const counts = partCounts(random);
  const services: Service[] = [];
  const serviceParts: ServicePart[] = [];
  const perCategory = new Map<string, number>();
  SERVICE_DEFINITIONS.forEach((def, s) => {
    const category = CATEGORIES.find((c) => c.name === def.category) as (typeof CATEGORIES)[number];
    const n = (perCategory.get(category.code) ?? 0) + 1;
    perCategory.set(category.code, n);
    const serviceid = `SRV-${category.code}-${String(n).padStart(3, '0')}`;
    const [rateLo, rateHi] = category.laborRate;
    const laborRateCents = (rateLo + random.int(rateHi - rateLo + 1)) * 100 + (random.chance(0.5) ? 0 : 50);
    const laborCostCents = Math.round((laborRateCents * def.minutes) / 60);
    let partsCostCents = 0;
    for (const p of pickServiceParts(def.category, counts[s] as number, parts, random)) {
      const part = parts[p] as Part;
      const quantity = (typeOf[p] as PartType).perService;
      serviceParts.push({ serviceid, sku: part.sku, quantity });
      partsCostCents += quantity * part.priceCents;
    }
    services.push({
      serviceid,
      name: def.name,
      category: def.category,
      laborMinutes: def.minutes,
      laborRateCents,
      laborCostCents,
      partsCostCents,
    });
  });
  return { parts, services, serviceParts, createdAt: CATALOG_CREATED_AT, updatedAt: CATALOG_UPDATED_AT };
}
