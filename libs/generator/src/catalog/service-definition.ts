import type { CategoryName } from './categories';
import type { JobName } from './job-consumables';

/** A part type a service uses and how many of it. */
export interface PartUse {
  readonly partType: string;
  readonly quantity: number;
}

/** A part type a service may also use; without a quantity it uses the type's usual quantity. */
export interface OptionalPartUse {
  readonly partType: string;
  readonly quantity?: number;
}

/** What a service needs: its own parts, the parts it may also need, and the jobs it belongs to. */
export interface ServiceRecipe {
  /** Part types the service always uses (one part of each) with their quantities. */
  readonly uses: readonly PartUse[];
  /** Part types the service may also use (rotors on a pad job); without a quantity, the type's usual one. */
  readonly optional: readonly OptionalPartUse[];
  /** Jobs whose supplies may fill the service's remaining mappings. */
  readonly jobs: readonly JobName[];
}

/** A labor operation of the shop: its name, book time in minutes and recipe. */
export interface ServiceDefinition {
  readonly category: CategoryName;
  readonly name: string;
  readonly minutes: number;
  readonly recipe: ServiceRecipe;
}

/** A part type with its quantity, or only its name when the service uses the type's usual quantity. */
export type PartUseRow = [partType: string, quantity: number] | string;

/** One service: name, minutes, [part type, quantity] it always uses, optional part types, jobs. */
export type ServiceRow = [
  name: string,
  minutes: number,
  uses: [partType: string, quantity: number][],
  optional: PartUseRow[],
  jobs: JobName[],
];

function optionalUse(row: PartUseRow): OptionalPartUse {
  return typeof row === 'string' ? { partType: row } : { partType: row[0], quantity: row[1] };
}

/** The service definitions of one category from their rows. */
export function services(category: CategoryName, rows: ServiceRow[]): ServiceDefinition[] {
  return rows.map(([name, minutes, uses, optional, jobs]) => ({
    category,
    name,
    minutes,
    recipe: {
      uses: uses.map(([partType, quantity]) => ({ partType, quantity })),
      optional: optional.map(optionalUse),
      jobs,
    },
  }));
}
