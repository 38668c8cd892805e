// The platform API's contract and typed client. Browser-safe: zod only, no Node modules.
export * from './contract/platform-events';
export * from './contract/platform-status';
export * from './contract/api-error';
export * from './contract/common';
export * from './contract/cdc';
export * from './contract/etl';
export * from './contract/tables';
export * from './contract/queries';
export * from './contract/metrics';
export * from './contract/chat';
export * from './contract/chat-sse';
export * from './contract/request-validation';
export { type RouteAnswer, type RouteDefinition, defineRoute } from './contract/route';
export { QUERY_LIMITS, ROUTES, type RouteName, type Routes } from './contract/routes';
export { CHAT_ELSEWHERE_ON_AWS } from './contract/chat-routes';
export {
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
  buildOpenApiDocument,
} from './openapi/build-openapi-document';
export { PlatformClientError, type PlatformClientErrorKind } from './client/platform-client-error';
export { type SseMessage, SseParser } from './client/sse-parser';
export { type ChatOptions } from './client/ask-chat';
export { type SubscribeOptions, type Subscription, subscribeEvents } from './client/subscribe-events';
export {
  type CallableRouteName,
  type CsvRouteName,
  type PlatformClient,
  type PlatformClientOptions,
  type RouteInput,
  type RouteOutput,
  createPlatformClient,
} from './client/create-platform-client';
