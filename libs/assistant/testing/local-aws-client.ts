/**
 * The configuration of an AWS SDK client talking to a local stand-in for its service (a scripted server): a fixed
 * region, example credentials (requests are still SigV4-signed), the local endpoint, and no retries.
 */
export function localAwsClientConfig(endpoint: string) {
  return {
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  };
}
