import { freshnessCase } from '../src/live-platform/freshness-case';

/** Issue 13 at generator scale 1 (1.19M orders; generation and full load take minutes): p99 < 10 s in both tables. */
export default freshnessCase('freshness-scale-1', 1, { salesOrderP99S: 10, factP99S: 10 });
