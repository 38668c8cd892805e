export * from './contract/index';
export { AssistantError, type AssistantErrorKind, isAssistantError } from './assistant-error';
