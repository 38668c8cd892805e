import { ChatEventSchema, ChatInfoSchema, ChatRequestSchema } from './chat';
import { EmptyObject } from './common';
import { defineRoute } from './route';

/** On AWS the chat routes are the Chat stack's function, not the platform API's (CloudFront routes /api/chat* there). */
const CHAT_ON_AWS =
  "the platform API's chat endpoint runs the local assistant. On AWS the Chat stack's function answers (CloudFront sends /api/chat* to it)";

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
    localOnly: CHAT_ON_AWS,
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
    localOnly: CHAT_ON_AWS,
    errors: {
      '404':
        'The conversationId is not known (the server restarted or dropped it): leave it out to start a new conversation',
      '502': 'The model provider failed before the answer began: error.message names the provider and the reason',
    },
  }),
} as const;
