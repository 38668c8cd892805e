import { CHAT_ELSEWHERE_ON_AWS, ROUTES, type RouteDefinition } from '@autocorp/platform-client';
import { ApiError } from '../api-error';
import type { RouteHandlers, StreamHandlers } from '../route-handler';

/** The 404 of a chat route reaching the platform API function: the Chat stack's function answers it on AWS. */
export function chatElsewhereError(route: RouteDefinition): ApiError {
  return new ApiError(
    'not-found',
    `${route.method.toUpperCase()} ${route.path} is not answered here. ${CHAT_ELSEWHERE_ON_AWS}: call it through the Web stack's SiteUrl.`,
    'path',
  );
}

/**
 * The chat routes on the platform API function: CloudFront sends /api/chat* to the Chat stack's function, so a
 * request that reaches this one anyway is told where chat is served.
 */
export function chatElsewhereHandlers(): {
  readonly handlers: Pick<RouteHandlers, 'chatInfo'>;
  readonly streams: Pick<StreamHandlers, 'chat'>;
} {
  return {
    handlers: { chatInfo: () => Promise.reject(chatElsewhereError(ROUTES.chatInfo)) },
    streams: {
      chat: () => {
        throw chatElsewhereError(ROUTES.chat);
      },
    },
  };
}
