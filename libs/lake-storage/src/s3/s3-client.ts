import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3StoreOptions {
  /** A ready client; when given, the connection options below are ignored. */
  readonly client?: S3Client;
  /** Endpoint of an S3-compatible server; default env AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL, then AWS. */
  readonly endpoint?: string;
  /** Default env AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1. */
  readonly region?: string;
  /** Path-style URLs (http://host/bucket/key); default true when a custom endpoint is set. */
  readonly forcePathStyle?: boolean;
  readonly credentials?: S3ClientConfig['credentials'];
  /** Multipart part size in bytes (minimum 5 MiB); objects larger than one part are uploaded in parts. Default 8 MiB. */
  readonly partSizeBytes?: number;
  /** Parts uploaded in parallel; memory use is at most partSizeBytes * queueSize. Default 4. */
  readonly queueSize?: number;
  /** Keys asked for per list request (S3's MaxKeys, at most 1000). Default 1000. */
  readonly listPageSize?: number;
  /** Largest object `copy` copies with one CopyObject (S3's limit, 5 GiB); larger ones are streamed through. */
  readonly maxCopyObjectBytes?: number;
}

export const DEFAULT_PART_SIZE_BYTES = 8 * 1024 * 1024;
export const MIN_PART_SIZE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_QUEUE_SIZE = 4;
/** S3's limit on one CopyObject request. */
export const MAX_COPY_OBJECT_BYTES = 5 * 1024 ** 3;

/** The configured endpoint, or undefined for AWS itself. */
export function resolveS3Endpoint(options: S3StoreOptions, env: NodeJS.ProcessEnv): string | undefined {
  const value = options.endpoint ?? env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function createS3Client(options: S3StoreOptions, env: NodeJS.ProcessEnv): S3Client {
  if (options.client) return options.client;
  const endpoint = resolveS3Endpoint(options, env);
  const region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  return new S3Client({
    region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? endpoint !== undefined,
    ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
    // S3-compatible servers often lack the newer flexible checksums (aws-chunked uploads with
    // trailing CRCs); send and check them only where the operation requires it there.
    ...(endpoint !== undefined
      ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {}),
  });
}
