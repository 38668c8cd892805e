import { S3ObjectStore } from '../src/index';
import { startLocalS3Server } from '../src/testing/local-s3-server';
import { describeObjectStoreContract } from './object-store-contract';

describeObjectStoreContract('S3 over HTTP (s3rver)', async () => {
  const server = await startLocalS3Server(['contract-lake']);
  const store = new S3ObjectStore(
    's3://contract-lake/lake',
    // small pages so listing goes through several pages; 5 MiB parts so the large object is multipart
    {
      endpoint: server.endpoint,
      credentials: server.credentials,
      region: 'us-east-1',
      partSizeBytes: 5 * 1024 * 1024,
      listPageSize: 3,
    },
    {},
  );
  return {
    store,
    largeObjectBytes: 12 * 1024 * 1024 + 123,
    listsFoldersBeforeSiblings: true,
    close: () => server.close(),
  };
});
