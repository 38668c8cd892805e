export type { PlatformRuntime, ZoneDatabases } from './platform-runtime';
export { PlatformEventHub } from './platform-event-hub';
export { type ApiServer, type ApiServerOptions, startApiServer } from './start-api-server';
export { STATIC_REASON, StaticRuntime, type StaticRuntimeOptions } from './static-runtime';
export { METRICS_HISTORY_KEY, MetricsHistory } from './metrics/metrics-history';
export { type LakeRuntimeParts, lakeRuntimeParts } from './lake-runtime-parts';
