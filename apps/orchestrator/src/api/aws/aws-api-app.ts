import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { PlatformApiLambdaSettings } from '@autocorp/platform-client/platform-api-environment';
import type { Hono } from 'hono';
import { buildApiApp } from '../api-app';
import { ApiContext } from '../api-context';
import type { ApiError } from '../api-error';
import { classifyError } from '../classify-error';
import { queryHandlers } from '../handlers/query-handlers';
import { statusHandlers } from '../handlers/status-handlers';
import { tableCountsHandler } from '../handlers/table-counts';
import { tableHandlers } from '../handlers/table-handlers';
import { MetricsHistory } from '../metrics/metrics-history';
import type { RouteHandlers, StreamHandlers } from '../route-handler';
import type { AwsRuntime } from './aws-runtime';
import { chatElsewhereHandlers } from './chat-elsewhere-handlers';
import { cloudWatchMetricsHandler } from './cloudwatch-metrics';
import { localOnlyHandlers } from './local-only-handlers';

export interface AwsApiAppOptions {
  readonly runtime: AwsRuntime;
  readonly settings: PlatformApiLambdaSettings;
  readonly cloudWatch: CloudWatchClient;
  readonly now?: () => number;
  /** Errors answered with a 5xx (the Lambda logs them). */
  readonly onError?: (error: ApiError) => void;
}

/**
 * The platform API on the aws profile: the same routes and handlers as `autocorp serve` over the AWS backends
 * (Glue catalog, Athena, S3), the metrics history from CloudWatch, a `local-only` 501 for each route the
 * contract declares local-only, and a 404 for the chat routes (the Chat stack's function answers those). No web
 * files: CloudFront serves the exports from S3.
 */
export function buildAwsApiApp(options: AwsApiAppOptions): { readonly app: Hono; readonly context: ApiContext } {
  const now = options.now ?? Date.now;
  const context = new ApiContext(options.runtime, MetricsHistory.empty(options.runtime.store), now(), now);
  const localOnly = localOnlyHandlers(options.settings.environment);
  const chat = chatElsewhereHandlers();
  const app = buildApiApp({
    handlers: {
      ...statusHandlers(context),
      ...tableHandlers(context),
      ...tableCountsHandler(context),
      ...queryHandlers(context),
      ...cloudWatchMetricsHandler(options.cloudWatch, options.settings, now),
      ...chat.handlers,
      ...localOnly.handlers,
    } as RouteHandlers,
    streams: { ...chat.streams, ...localOnly.streams } as StreamHandlers,
    classifyError,
    onError: (error) => {
      if (error.status >= 500 && error.kind !== 'local-only') options.onError?.(error);
    },
  });
  return { app, context };
}
