import { JOBS } from '@autocorp/etl-jobs';
import * as x from '../expected-answers';
import { type EvalCase, answer, ask } from '../eval-types';

/** Part and service lookups, the catalog, customers by state. */
export const LOOKUP_QUESTIONS: readonly EvalCase[] = [
  ask(
    'part-price-front-pads',
    'lookup',
    'How much does a front brake pad set cost?',
    answer((o) => x.partPrices(o, 'Brake Pad Set, Front')),
  ),
  ask(
    'part-price-oil-filter',
    'lookup',
    'What is the price of an oil filter?',
    answer((o) => x.partPrices(o, 'Oil Filter')),
  ),
  ask(
    'part-stock-water-pump',
    'lookup',
    'How many water pumps do we have in stock?',
    answer((o) => x.partPrices(o, 'Water Pump', 'stock')),
  ),
  ask(
    'part-maker-alternator',
    'lookup',
    'Who makes our alternators and what do they cost?',
    answer((o) => x.partPrices(o, 'Alternator')),
  ),
  ask(
    'part-price-spark-plug',
    'lookup',
    'Price of spark plugs?',
    answer((o) => x.partPrices(o, 'Spark Plug')),
  ),
  ask(
    'service-time-timing-belt',
    'lookup',
    'How long does a timing belt replacement take?',
    answer((o) => x.serviceLabor(o, 'Timing Belt Replacement')),
  ),
  ask(
    'service-cost-alignment',
    'lookup',
    'What is the labor cost of a four wheel alignment?',
    answer((o) => x.serviceLabor(o, 'Wheel Alignment - Four Wheel')),
  ),
  ask(
    'service-time-coolant-flush',
    'lookup',
    'How many minutes does a coolant flush take?',
    answer((o) => x.serviceLabor(o, 'Coolant Flush')),
  ),
  ask(
    'catalog-tables',
    'lookup',
    'What tables are in the catalog?',
    answer(async () => ({ entities: JOBS.map((j) => j.hudi.tableName) })),
  ),
  ask(
    'customers-texas',
    'lookup',
    'How many customers are in Texas?',
    answer((o) => x.customersIn(o, 'TX')),
  ),
  ask(
    'customers-top-state',
    'lookup',
    'Which state has the most customers?',
    answer((o) => x.topCustomerState(o)),
  ),
  ask(
    'service-most-parts',
    'lookup',
    'Which service needs the most parts?',
    answer((o) => x.mostComplexServices(o)),
  ),
];

/** Which parts a service requires. */
export const SERVICE_PARTS_QUESTIONS: readonly EvalCase[] = [
  ask(
    'oil-change-parts',
    'service-parts',
    'What parts are needed for an oil change?',
    answer((o) => x.serviceParts(o, 'oil change')),
  ),
  ask(
    'front-pads-parts',
    'service-parts',
    'What parts does a front brake pad replacement require?',
    answer((o) => x.serviceParts(o, 'Brake Pad Replacement - Front')),
  ),
  ask(
    'timing-belt-parts',
    'service-parts',
    'Which parts are used in a timing belt replacement?',
    answer((o) => x.serviceParts(o, 'Timing Belt Replacement')),
  ),
  ask(
    'battery-parts',
    'service-parts',
    'What do I need for a battery replacement?',
    answer((o) => x.serviceParts(o, 'Battery Replacement')),
  ),
  ask(
    'service-id-parts',
    'service-parts',
    'List the parts for SRV-BRK-001',
    answer((o) => x.servicePartsById(o, 'SRV-BRK-001')),
  ),
  ask(
    'full-synthetic-parts',
    'service-parts',
    'What goes into a full synthetic oil change?',
    answer((o) => x.serviceParts(o, 'Full Synthetic Oil Change')),
  ),
  ask(
    'ac-recharge-parts',
    'service-parts',
    'What parts does an A/C recharge need?',
    answer((o) => x.serviceParts(o, 'A/C Recharge')),
  ),
  ask(
    'brake-job-parts',
    'service-parts',
    'What does a brake job need?',
    answer((o) => x.serviceParts(o, 'Brake Pad Replacement')),
  ),
  ask(
    'services-using-oil-filter',
    'service-parts',
    'Which services use an oil filter?',
    answer((o) => x.servicesUsing(o, 'Oil Filter')),
  ),
  ask(
    'services-using-spark-plugs',
    'service-parts',
    'What jobs need spark plugs?',
    answer((o) => x.servicesUsing(o, 'Spark Plug')),
  ),
  ask(
    'water-pump-parts-cost',
    'service-parts',
    'How much do the parts for a water pump replacement cost?',
    answer((o) => x.servicePartsCost(o, 'Water Pump Replacement')),
  ),
];
