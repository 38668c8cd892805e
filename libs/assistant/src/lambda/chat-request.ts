import { AssistantError } from '../assistant-error';

/** The part of a Lambda function URL (or API Gateway HTTP API, payload 2.0) event the chat handler reads. */
export interface HttpEvent {
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
  readonly requestContext?: { readonly http?: { readonly method?: string } };
}

/** What a chat request asks: a question, and the conversation it follows up on. */
export interface ChatRequest {
  readonly question: string;
  readonly conversationId?: string;
}

export const MAX_QUESTION_LENGTH = 2000;
const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

function invalid(message: string): AssistantError {
  return new AssistantError('invalid-tool-input', message);
}

/** The chat request of an HTTP event: POST with a JSON body `{"question": "...", "conversationId"?: "..."}`. */
export function parseChatRequest(event: HttpEvent): ChatRequest {
  const method = event.requestContext?.http?.method ?? 'POST';
  if (method !== 'POST') throw invalid(`The chat endpoint takes POST, not ${method}.`);
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new AssistantError('invalid-tool-input', 'The request body is not JSON; send {"question": "..."}.', {
      cause: error,
    });
  }
  const { question, conversationId } = (body ?? {}) as { question?: unknown; conversationId?: unknown };
  if (typeof question !== 'string' || question.trim() === '')
    throw invalid('The request has no "question"; send {"question": "...", "conversationId"?: "..."}.');
  if (question.length > MAX_QUESTION_LENGTH)
    throw invalid(`The question has ${question.length} characters; ask in at most ${MAX_QUESTION_LENGTH}.`);
  if (conversationId !== undefined && (typeof conversationId !== 'string' || !CONVERSATION_ID.test(conversationId)))
    throw invalid('"conversationId" must be the id an earlier answer returned (letters, digits, - and _).');
  return { question: question.trim(), ...(typeof conversationId === 'string' ? { conversationId } : {}) };
}
