import { StorageError } from '../storage-error';

interface SdkErrorShape {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

function shape(error: unknown): SdkErrorShape {
  return typeof error === 'object' && error !== null ? (error as SdkErrorShape) : {};
}

export function httpStatusOf(error: unknown): number | undefined {
  return shape(error).$metadata?.httpStatusCode;
}

/** True when S3 says the object (not the bucket) is absent. */
export function isNoSuchKey(error: unknown): boolean {
  const { name } = shape(error);
  return name === 'NoSuchKey' || name === 'NotFound' || (httpStatusOf(error) === 404 && name !== 'NoSuchBucket');
}

/** Turns an S3 SDK error into a StorageError naming the object and what to do. */
export function storageErrorFromS3(error: unknown, action: string, target: string, endpoint: string): StorageError {
  if (error instanceof StorageError) return error;
  const { name, code, message } = shape(error);
  const status = httpStatusOf(error);
  const detail = message ?? String(error);
  if (name === 'NoSuchBucket') {
    return new StorageError(
      'no-bucket',
      `Cannot ${action} ${target}: the bucket does not exist at ${endpoint}. Create the bucket (infra deploy) or fix LAKE_URI.`,
      { cause: error },
    );
  }
  if (isNoSuchKey(error)) {
    return new StorageError('not-found', `Object ${target} does not exist. Check the key, or write it first.`, {
      cause: error,
    });
  }
  if (
    status === 403 ||
    name === 'AccessDenied' ||
    name === 'InvalidAccessKeyId' ||
    name === 'SignatureDoesNotMatch' ||
    name === 'ExpiredToken'
  ) {
    return new StorageError(
      'access-denied',
      `Cannot ${action} ${target}: access denied by ${endpoint} (${name ?? status}). Check the AWS credentials (AWS_PROFILE / AWS_ACCESS_KEY_ID) and the bucket policy.`,
      { cause: error },
    );
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET' || code === 'ETIMEDOUT') {
    return new StorageError(
      'io',
      `Cannot ${action} ${target}: ${endpoint} is unreachable (${code}). Check AWS_ENDPOINT_URL_S3 and the network.`,
      { cause: error },
    );
  }
  return new StorageError(
    'io',
    `Cannot ${action} ${target} at ${endpoint}: ${name ?? 'error'}: ${detail}. Retry; if it persists check the S3 endpoint and bucket.`,
    { cause: error },
  );
}
