export type {
  Answer,
  AnswerEvent,
  AnswerOutcome,
  CellValue,
  ChartSuggestion,
  Citation,
  ResultTable,
  TimeRange,
} from './answer';
export type { AssistantTool, JsonSchemaObject, ToolContext, ToolResult } from './tool';
export type {
  AnswerProvider,
  AnswerRequest,
  ConversationState,
  ConversationTurn,
  ProviderName,
  ResolvedEntities,
  ResolvedQuestion,
} from './provider';
