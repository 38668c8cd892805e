import { PlatformClientError } from '../client/platform-client-error';

/**
 * The environment variables of the platform API's Lambda (the aws profile), one owner for their names: the CDK
 * web stack sets them (it imports `@autocorp/platform-client/platform-api-environment`), the handler reads them.
 */
export const PLATFORM_API_LAMBDA_ENV = {
  /** The environment's name (dev, staging, prod), for messages. */
  environment: 'AUTOCORP_ENV',
  /** The raw zone's bucket as a lake URI (`s3://<bucket>/`): the keys keep the local layout (`raw/...`). */
  lakeUri: 'AUTOCORP_LAKE_URI',
  /** The Glue database of the catalog (one database holds the zones on AWS). */
  database: 'AUTOCORP_GLUE_DATABASE',
  /** The Athena workgroup queries run in (it enforces the results location). */
  workGroup: 'AUTOCORP_ATHENA_WORKGROUP',
  /** The environment's resource name prefix (`autocorp-<env>`): the Glue jobs' names start with it. */
  resourcePrefix: 'AUTOCORP_RESOURCE_PREFIX',
  /** The DMS replication task (instance mode) or replication config (serverless) identifier: its CDC latency. */
  replicationId: 'AUTOCORP_DMS_REPLICATION_ID',
} as const;

export type PlatformApiLambdaSettings = { readonly [K in keyof typeof PLATFORM_API_LAMBDA_ENV]: string };

/** The Lambda's settings from its environment; a missing variable is named in the error. */
export function platformApiLambdaSettings(
  env: Readonly<Record<string, string | undefined>>,
): PlatformApiLambdaSettings {
  const settings: Record<string, string> = {};
  for (const [key, name] of Object.entries(PLATFORM_API_LAMBDA_ENV)) {
    const value = env[name]?.trim();
    if (!value)
      throw new PlatformClientError(
        'invalid-input',
        `The platform API Lambda needs ${name}; the CDK web stack sets it.`,
      );
    settings[key] = value;
  }
  return settings as PlatformApiLambdaSettings;
}
