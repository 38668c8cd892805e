import { JOB_CONSUMABLES } from './job-consumables';
import { PART_TYPES, type PartType } from './part-types';
import type { ServiceDefinition } from './service-definition';

/** A part type with the quantity a service uses of it. */
export interface TypedUse {
  readonly type: PartType;
  readonly quantity: number;
}

/** A service's recipe resolved against the part types: what it always uses and what may fill it. */
export interface ResolvedRecipe {
  readonly uses: readonly TypedUse[];
  /** Optional parts and job supplies not already used, each once, in recipe order. */
  readonly fill: readonly TypedUse[];
}

const TYPE_BY_NAME = new Map(PART_TYPES.map((t) => [t.name, t]));

function typeNamed(name: string, service: string): PartType {
  const type = TYPE_BY_NAME.get(name);
  if (!type) throw new RangeError(`service "${service}" names part type "${name}", which the catalog lacks`);
  return type;
}

/** Every part type a service's job may use: its own parts, its optional parts and its jobs' supplies. */
export function allowedPartTypeNames(def: ServiceDefinition): Set<string> {
  return new Set([
    ...def.recipe.uses.map((u) => u.partType),
    ...def.recipe.optional.map((o) => o.partType),
    ...def.recipe.jobs.flatMap((job) => JOB_CONSUMABLES[job]),
  ]);
}

/**
 * Resolves a recipe; throws a RangeError when it names a part type the catalog lacks, uses one twice
 * or gives a quantity that is not a whole number above 0.
 */
export function resolveRecipe(def: ServiceDefinition): ResolvedRecipe {
  const used = new Set<string>();
  const uses = def.recipe.uses.map((u) => {
    if (used.has(u.partType)) throw new RangeError(`service "${def.name}" uses part type "${u.partType}" twice`);
    used.add(u.partType);
    return { type: typeNamed(u.partType, def.name), quantity: u.quantity };
  });
  const optionalQuantity = new Map(def.recipe.optional.map((o) => [o.partType, o.quantity]));
  const fill: TypedUse[] = [];
  for (const name of allowedPartTypeNames(def)) {
    if (used.has(name)) continue;
    const type = typeNamed(name, def.name);
    fill.push({ type, quantity: optionalQuantity.get(name) ?? type.perService });
  }
  for (const use of [...uses, ...fill]) {
    if (!Number.isInteger(use.quantity) || use.quantity < 1) {
      throw new RangeError(
        `service "${def.name}" uses ${use.quantity} of "${use.type.name}"; use a whole number above 0`,
      );
    }
  }
  return { uses, fill };
}
