import { CATALOG_COUNTS } from '../scale';
import { Random } from '../random/random';
import { CATEGORIES, type CategoryName } from './categories';
import type { Catalog, Part, Service, ServicePart } from './catalog';
import { partDescription } from './part-description';
import { PART_TYPES, type PartType } from './part-types';
import { fillCounts, pickFill } from './recipe-fill';
import { SERVICE_DEFINITIONS } from './service-definitions';
import { resolveRecipe } from './service-recipes';

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

function buildParts(random: Random): { parts: Part[]; variantsOf: Map<PartType, number[]> } {
  const variants = PART_TYPES.map(() => Math.floor(CATALOG_COUNTS.autoParts / PART_TYPES.length));
  const extra = CATALOG_COUNTS.autoParts - variants.reduce((s, n) => s + n, 0);
  for (const i of shuffled(
    PART_TYPES.map((_, i) => i),
    random,
  ).slice(0, extra))
    variants[i] = (variants[i] as number) + 1;

  const parts: Part[] = [];
  const variantsOf = new Map<PartType, number[]>();
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
        description: partDescription(type.name, grade.name),
        category: type.category,
        manufacturer: makers[v % makers.length] as string,
        priceCents: priceCents(type, grade.factor, random),
        stockQuantity: random.int(251),
      });
      variantsOf.set(type, [...(variantsOf.get(type) ?? []), parts.length - 1]);
    }
  });
  return { parts, variantsOf };
}

/**
 * Builds the catalog from the seed: names, counts and recipes are fixed; prices, which variant of
 * each part type a service lists and which of its fill candidates it lists follow the seed.
 */
export function buildCatalog(seed: number): Catalog {
  const random = Random.stream(seed, 'catalog');
  const { parts, variantsOf } = buildParts(random);
  const recipes = SERVICE_DEFINITIONS.map(resolveRecipe);
  const counts = fillCounts(SERVICE_DEFINITIONS, recipes, random);
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
    const recipe = recipes[s] as (typeof recipes)[number];
    for (const { type, quantity } of [...recipe.uses, ...pickFill(recipe, counts[s] as number, random)]) {
      const variants = variantsOf.get(type) as number[];
      const part = parts[variants[random.int(variants.length)] as number] as Part;
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
