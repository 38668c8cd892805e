import { ChatEventSchema, ChatInfoSchema, ChatRequestSchema } from './chat';
import { EmptyObject } from './common';
import { defineRoute } from './route';

/**
 * Locally the platform API answers the chat routes; on AWS the Chat stack's function does (CloudFront sends
 * /api/chat* to it), and the platform API function answers them with a 404 saying so.
 */
export const CHAT_ELSEWHERE_ON_AWS =
  "On AWS the platform API function does not answer chat: the Chat stack's function does (CloudFront sends /api/chat* to it)";

/** The chat endpoint of the assistant (spread into ROUTES). */
export const CHAT_ROUTES = {
  chatInfo: defineRoute({
    method: 'get',
    path: '/api/chat/info',
    tag: 'chat',
    summary:
      'The assistant: its provider and model, whether it can answer (and why not), starter questions from the data',
    params: EmptyObject,
    query: EmptyObject,
    body: undefined,
    answer: 'json',
    response: ChatInfoSchema,
    errors: { '404': CHAT_ELSEWHERE_ON_AWS },
  }),
  chat: defineRoute({
    method: 'post',
    path: '/api/chat',
    tag: 'chat',
    summary:
      'Ask the assistant: server-sent events (event name = type) of the answer as it is made, the last one `answer` with the Answer and the conversation id (or `error` naming the provider)',
    params: EmptyObject,
    query: EmptyObject,
    body: ChatRequestSchema,
    answer: 'event-stream',
    response: ChatEventSchema,
    errors: {
      '404': `The conversationId is not known (the server restarted or dropped it): leave it out to start a new conversation. ${CHAT_ELSEWHERE_ON_AWS}`,
      '502': 'The model provider failed before the answer began: error.message names the provider and the reason',
    },
  }),
} as const;
