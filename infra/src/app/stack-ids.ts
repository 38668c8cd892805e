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
  web: 'Web',
} as const;
export type StackKey = keyof typeof STACK_IDS;
export type StackId = (typeof STACK_IDS)[StackKey];

/** `autocorp-<env>-<stack>`, the CloudFormation stack name. */
export function stackName(environment: EnvironmentName, key: StackKey): string {
  return `autocorp-${environment}-${key}`;
}

/** The web site (both static exports, the platform API) and every stack it depends on (the chat API's chain). */
const WEB_SITE = [STACK_IDS.data, STACK_IDS.query, STACK_IDS.ai, STACK_IDS.chat, STACK_IDS.web] as const;

/**
 * The stacks each app deploys with its own `deploy` target. The orchestrator runs the pipeline (storage, ingestion,
 * ETL, query) and its platform API (in the web stack); the chat app needs the knowledge base, the workgroup, its chat
 * API and the site that hosts it; the dashboard app the monitoring and the site. Deploying a stack that did not
 * change is a no-op, so each app's target deploys what it needs and `nx affected -t deploy` picks the apps.
 */
export const APP_STACKS = {
  orchestrator: [STACK_IDS.data, STACK_IDS.ingestion, STACK_IDS.etl, ...WEB_SITE.slice(1)],
  chat: [...WEB_SITE],
  dashboard: [STACK_IDS.monitoring, ...WEB_SITE],
} as const satisfies Record<string, readonly StackId[]>;
