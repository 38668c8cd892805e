import type { CategoryName } from './categories';
import type { JobName } from './job-consumables';

/** A part type a service uses and how many of it. */
export interface PartUse {
  readonly partType: string;
  readonly quantity: number;
}

/** What a service needs: its own parts, the parts it may also need, and the jobs it belongs to. */
export interface ServiceRecipe {
  /** Part types the service always uses (one part of each) with their quantities. */
  readonly uses: readonly PartUse[];
  /** Part types the service may also use (rotors on a pad job), in the quantity their type says. */
  readonly optional: readonly string[];
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

/** One service: name, minutes, [part type, quantity] it always uses, optional part types, jobs. */
export type ServiceRow = [
  name: string,
  minutes: number,
  uses: [partType: string, quantity: number][],
  optional: string[],
  jobs: JobName[],
];

export function services(category: CategoryName, rows: ServiceRow[]): ServiceDefinition[] {
  return rows.map(([name, minutes, uses, optional, jobs]) => ({
    category,
    name,
    minutes,
    recipe: { uses: uses.map(([partType, quantity]) => ({ partType, quantity })), optional, jobs },
  }));
}
