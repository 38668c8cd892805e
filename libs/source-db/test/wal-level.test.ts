import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SourceDb,
  SourceDbError,
  type ThrowawayPostgres,
  checkLogicalReplication,
  openSourceDb,
  startThrowawayPostgres,
  status,
} from '../src/index';

let server: ThrowawayPostgres;
let source: SourceDb;

beforeAll(async () => {
  server = await startThrowawayPostgres({ walLevel: 'replica' });
  source = await openSourceDb({ url: server.url });
});

afterAll(async () => {
  await source?.close();
  await server?.stop();
});

describe('checkLogicalReplication', () => {
  it('refuses a server with wal_level=replica and says how to fix it', async () => {
    const error = await checkLogicalReplication(source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceDbError);
    expect((error as SourceDbError).kind).toBe('wal-level');
    expect((error as SourceDbError).message).toContain(`wal_level is "replica" on 127.0.0.1:${server.port}/postgres`);
    expect((error as SourceDbError).message).toContain('ALTER SYSTEM SET wal_level = logical');
  });

  it('status shows the wal_level as it is', async () => {
    expect((await status(source)).walLevel).toBe('replica');
  });
});
