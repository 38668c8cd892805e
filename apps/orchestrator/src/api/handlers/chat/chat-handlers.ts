import { DEFAULT_MAX_CONVERSATIONS, chatStarters } from '@autocorp/assistant';
import type { ChatInfo, Routes } from '@autocorp/platform-client';
import { ApiError } from '../../api-error';
import type { ApiContext } from '../../api-context';
import type { HandlerInput, RouteHandlers } from '../../route-handler';
import { chatModelName, missingProviderSetting } from './chat-assistant';
import { ChatRuntime } from './chat-runtime';
import type { ChatSettings } from './chat-settings';

import { chatStreamResponse } from './chat-stream';

/** GET /api/chat/info and POST /api/chat over one assistant per API runtime. */
export function chatHandlers(context: ApiContext, settings: ChatSettings) {
  const chat = new ChatRuntime(() => context.executor(), settings);
  const info: Pick<RouteHandlers, 'chatInfo'> = {
    chatInfo: async ({ signal }): Promise<ChatInfo> => {
      const base = { provider: settings.provider, model: chatModelName(settings) };
      const missing = missingProviderSetting(settings);
      if (missing) return { ...base, ready: false, reason: `${missing}.`, starters: [] };
      try {
        const assistant = await chat.assistant();
        return {
          ...base,
          ready: true,
          reason: null,
          starters: await chatStarters(assistant, context.executor(), signal),
        };
      } catch (error) {
        if (!(error instanceof ApiError) || error.kind !== 'unavailable') throw error;
        return { ...base, ready: false, reason: error.message, starters: [] };
      }
    },
  };
  const stream = async ({ body, signal }: HandlerInput<Routes['chat']>): Promise<Response> => {
    const assistant = await chat.assistant();
    if (body.conversationId !== undefined && !(await assistant.conversation(body.conversationId, { signal })))
      throw new ApiError(
        'not-found',
        `body.conversationId: the conversation ${body.conversationId} is not known (the API restarted, it went unused for a day, or it was the least recently used of the ${settings.maxConversations ?? DEFAULT_MAX_CONVERSATIONS} conversations kept); leave conversationId out to start a new conversation.`,
        'body.conversationId',
      );
    return chatStreamResponse(assistant, body, signal);
  };
  return { handlers: info, stream };
}
