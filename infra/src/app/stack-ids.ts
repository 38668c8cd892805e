import type { EnvironmentName } from '../config/environment-config';

/** Construct ids of the stacks: what `cdk deploy <id>` selects. The CloudFormation names add the environment. */
export const STACK_IDS = {
  data: 'Data',
  ingestion: 'Ingestion',
  etl: 'Etl',
  query: 'Query',
  ai: 'Ai',
  chat: 'Chat',
  monitoring: 'Monitoring',
} as const;
export type StackKey = keyof typeof STACK_IDS;
export type StackId = (typeof STACK_IDS)[StackKey];

/** `autocorp-<env>-<stack>`, the CloudFormation stack name. */
export function stackName(environment: EnvironmentName, key: StackKey): string {
  return `autocorp-${environment}-${key}`;
}

/**
 * The stacks each app deploys with its own `deploy` target. The orchestrator runs the pipeline
 * (storage, ingestion, ETL, query); the chat app needs the knowledge base, the workgroup and its chat API; the dashboard app the monitoring.
 */
export const APP_STACKS = {
  orchestrator: [STACK_IDS.data, STACK_IDS.ingestion, STACK_IDS.etl, STACK_IDS.query],
  chat: [STACK_IDS.data, STACK_IDS.query, STACK_IDS.ai, STACK_IDS.chat],
  dashboard: [STACK_IDS.monitoring],
} as const satisfies Record<string, readonly StackId[]>;
