export { type ChatAnswerStream, type ChatQuestion, streamChatAnswer } from './chat-answer-stream';
export { type ChatFailure, chatFailure } from './chat-failure';
export { chatStarters } from './chat-starters';
