import { DEFAULT_SCALE } from '@autocorp/config';
import { freshnessCase } from '../src/live-platform/freshness-case';

/** Issue 13 at the default scale: start under 60 s; sales_order p50 < 2 s, p99 < 5 s; sales_order_fact p99 < 8 s. */
export default freshnessCase('freshness', DEFAULT_SCALE, {
  startupS: 60,
  salesOrderP50S: 2,
  salesOrderP99S: 5,
  factP99S: 8,
});
