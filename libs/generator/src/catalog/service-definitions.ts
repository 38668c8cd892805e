import { MECHANICAL_SERVICES } from './mechanical-services';
import type { ServiceDefinition } from './service-definition';
import { VEHICLE_SYSTEM_SERVICES } from './vehicle-system-services';

export type { OptionalPartUse, PartUse, ServiceDefinition, ServiceRecipe } from './service-definition';

/** The 110 services, ten in each of the eleven categories, in the order of CATEGORIES. */
export const SERVICE_DEFINITIONS: readonly ServiceDefinition[] = [...MECHANICAL_SERVICES, ...VEHICLE_SYSTEM_SERVICES];
