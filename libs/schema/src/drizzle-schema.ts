import {
  autoParts,
  customers,
  salesOrder,
  salesOrderParts,
  salesOrderServices,
  service,
  serviceParts,
} from './tables/index';

/** The seven tables as one object, for `drizzle(client, { schema: drizzleSchema })`. */
export const drizzleSchema = {
  autoParts,
  service,
  serviceParts,
  customers,
  salesOrder,
  salesOrderParts,
  salesOrderServices,
};

export type DrizzleSchema = typeof drizzleSchema;
