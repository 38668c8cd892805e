const REGION = 'us-east-1';
const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

/**
 * The configuration of an AWS SDK client talking to a local stand-in for its service (a scripted server): a fixed
 * region, example credentials (requests are still SigV4-signed), the local endpoint, and no retries.
 */
export function localAwsClientConfig(endpoint: string) {
  return { region: REGION, endpoint, credentials: CREDENTIALS, maxAttempts: 1 };
}

/**
 * The same settings as environment variables, for clients the code under test makes itself: the SDK reads
 * `AWS_ENDPOINT_URL_<SERVICE>` per service (e.g. `{ BEDROCK_RUNTIME: url, DYNAMODB: url }`).
 */
export function localAwsEnvironment(endpoints: Readonly<Record<string, string>>): Record<string, string> {
  return {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_MAX_ATTEMPTS: '1',
    ...Object.fromEntries(Object.entries(endpoints).map(([service, url]) => [`AWS_ENDPOINT_URL_${service}`, url])),
  };
}
