import { validateKey } from '../keys';
import { StorageError } from '../storage-error';

export interface S3Location {
  readonly bucket: string;
  /** Key prefix inside the bucket, either empty or ending with "/". */
  readonly keyPrefix: string;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Parses `s3://bucket` or `s3://bucket/some/prefix` (a trailing "/" is optional). */
export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(uri);
  const bucket = match?.[1] ?? '';
  if (!match || !BUCKET_NAME.test(bucket)) {
    throw new StorageError(
      'invalid-uri',
      `"${uri}" is not a usable S3 lake URI: write it as s3://bucket/prefix with a bucket name of 3-63 lowercase letters, digits, "." or "-".`,
    );
  }
  const prefix = (match[2] ?? '').replace(/\/+$/, '');
  if (prefix !== '') {
    try {
      validateKey(prefix);
    } catch (error) {
      throw new StorageError(
        'invalid-uri',
        `The prefix "${prefix}" of lake URI ${uri} is not valid: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  return { bucket, keyPrefix: prefix === '' ? '' : `${prefix}/` };
}
