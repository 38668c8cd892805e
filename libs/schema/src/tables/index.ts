export { autoParts } from './auto-parts';
export { customers } from './customers';
export { salesOrder } from './sales-order';
export { salesOrderParts } from './sales-order-parts';
export { salesOrderServices } from './sales-order-services';
export { service } from './service';
export { serviceParts } from './service-parts';
