import { CATALOG_COUNTS } from '../scale';
import type { Random } from '../random/random';
import type { ServiceDefinition } from './service-definition';
import type { ResolvedRecipe, TypedUse } from './service-recipes';

function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : value > hi ? hi : value;
}

/**
 * How many fill candidates each service lists besides the parts it always uses, so that the
 * service with the longest book time lists exactly `maxPartsPerService` parts, every other one
 * between 1 and one fewer, and all of them exactly `serviceParts`. Longer jobs list more, with
 * a seeded spread.
 */
export function fillCounts(
  defs: readonly ServiceDefinition[],
  recipes: readonly ResolvedRecipe[],
  random: Random,
): number[] {
  const { maxPartsPerService, serviceParts } = CATALOG_COUNTS;
  const maxIndex = defs.reduce((best, d, i) => (d.minutes > (defs[best] as ServiceDefinition).minutes ? i : best), 0);
  const lo = recipes.map((r) => Math.max(0, 1 - r.uses.length));
  const hi = recipes.map((r) => Math.min(r.fill.length, maxPartsPerService - 1 - r.uses.length));
  const maxRecipe = recipes[maxIndex] as ResolvedRecipe;
  const maxFill = maxPartsPerService - maxRecipe.uses.length;
  if (maxFill < 0 || maxFill > maxRecipe.fill.length) {
    throw new RangeError(`service "${defs[maxIndex]?.name}" cannot list exactly ${maxPartsPerService} parts`);
  }
  lo[maxIndex] = maxFill;
  hi[maxIndex] = maxFill;
  const usesTotal = recipes.reduce((s, r) => s + r.uses.length, 0);
  const target = serviceParts - usesTotal;
  const sum = (xs: number[]): number => xs.reduce((s, n) => s + n, 0);
  if (sum(lo) > target || sum(hi) < target) {
    throw new RangeError(
      `the recipes can list ${usesTotal + sum(lo)}..${usesTotal + sum(hi)} parts, not ${serviceParts}`,
    );
  }
  const weights = defs.map((d) => Math.pow(d.minutes, 0.55) * (0.7 + 0.6 * random.next()));
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w, i) =>
    clamp(
      Math.round((w * serviceParts) / weightSum) - (recipes[i] as ResolvedRecipe).uses.length,
      lo[i] as number,
      hi[i] as number,
    ),
  );
  let diff = target - sum(counts);
  while (diff !== 0) {
    const i = random.int(defs.length);
    const n = counts[i] as number;
    if (diff > 0 && n < (hi[i] as number)) {
      counts[i] = n + 1;
      diff--;
    } else if (diff < 0 && n > (lo[i] as number)) {
      counts[i] = n - 1;
      diff++;
    }
  }
  return counts;
}

/** `count` of the recipe's fill candidates, drawn by the seed, in recipe order. */
export function pickFill(recipe: ResolvedRecipe, count: number, random: Random): TypedUse[] {
  const order = recipe.fill.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => recipe.fill[i] as TypedUse);
}
