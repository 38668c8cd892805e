import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LocalObjectStore,
  S3ObjectStore,
  StorageError,
  openObjectStore,
  parseS3Uri,
  resolveLakeUri,
} from '../src/index';

describe('openObjectStore', () => {
  it('defaults to the lake folder of the state home', () => {
    const store = openObjectStore(undefined, { env: { AUTOCORP_HOME: '/var/autocorp' } });
    expect(store).toBeInstanceOf(LocalObjectStore);
    expect(store.uri).toBe('file:///var/autocorp/lake');
    expect(resolveLakeUri(undefined, { env: {}, cwd: '/work/x' })).toBe('file:///work/x/.autocorp/lake');
  });

  it('takes LAKE_URI from the environment, and the argument over it', () => {
    expect(openObjectStore(undefined, { env: { LAKE_URI: 'file:///data/lake' } }).uri).toBe('file:///data/lake');
    expect(openObjectStore('file:///other', { env: { LAKE_URI: 'file:///data/lake' } }).uri).toBe('file:///other');
    expect(openObjectStore('/plain/abs/path', { env: {} }).localPath('raw/a.csv')).toBe(
      path.join('/plain/abs/path', 'raw/a.csv'),
    );
  });

  it('opens s3:// URIs with the endpoint from AWS_ENDPOINT_URL_S3', async () => {
    const store = openObjectStore(undefined, {
      env: { LAKE_URI: 's3://my-lake/prod', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' },
    });
    expect(store).toBeInstanceOf(S3ObjectStore);
    expect(store.uri).toBe('s3://my-lake/prod/');
    const endpoint = await (store as S3ObjectStore).client.config.endpoint?.();
    expect(endpoint?.hostname).toBe('127.0.0.1');
    expect(await (store as S3ObjectStore).client.config.forcePathStyle).toBe(true);
  });

  it('rejects URIs it cannot open with invalid-uri, naming them', () => {
    for (const uri of [
      'relative/lake',
      'http://example.test/lake',
      's3://',
      's3://UPPER/x',
      's3://ok-bucket/a//b',
      'file://host-name/x',
    ]) {
      let error: unknown;
      try {
        openObjectStore(uri, { env: {} });
      } catch (e) {
        error = e;
      }
      expect(error, uri).toBeInstanceOf(StorageError);
      expect((error as StorageError).kind).toBe('invalid-uri');
      expect((error as StorageError).message).toContain(uri);
    }
  });

  it('parses bucket and prefix', () => {
    expect(parseS3Uri('s3://bucket')).toEqual({ bucket: 'bucket', keyPrefix: '' });
    expect(parseS3Uri('s3://bucket/a/b/')).toEqual({ bucket: 'bucket', keyPrefix: 'a/b/' });
  });
});
