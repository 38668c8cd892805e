import { ELECTRICAL_HVAC_SUSPENSION_SERVICES } from './electrical-hvac-suspension-services';
import { MAINTENANCE_EXHAUST_FLUID_SERVICES } from './maintenance-exhaust-fluid-services';
import { POWERTRAIN_SERVICES } from './powertrain-services';
import type { ServiceDefinition } from './service-definition';
import { WHEEL_BRAKE_COOLING_SERVICES } from './wheel-brake-cooling-services';

export type { OptionalPartUse, PartUse, ServiceDefinition, ServiceRecipe } from './service-definition';

/** The 110 services, ten in each of the eleven categories, in the order of CATEGORIES. */
export const SERVICE_DEFINITIONS: readonly ServiceDefinition[] = [
  ...POWERTRAIN_SERVICES,
  ...WHEEL_BRAKE_COOLING_SERVICES,
  ...ELECTRICAL_HVAC_SUSPENSION_SERVICES,
  ...MAINTENANCE_EXHAUST_FLUID_SERVICES,
];
