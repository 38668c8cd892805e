import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CdcError, runFullLoad, startCdc } from '../src/index';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';

describe('a server without logical decoding', () => {
  let fx: CdcFixture;

  beforeAll(async () => {
    fx = await startCdcFixture({ walLevel: 'replica' });
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('refuses with CdcError wal-level, saying how to fix it', async () => {
    const error = await runFullLoad({ connection: fx.connection, store: fx.store }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CdcError);
    expect(error).toMatchObject({ kind: 'wal-level' });
    expect((error as Error).message).toMatch(/wal_level=replica.*wal_level = logical.*restart PostgreSQL/s);
    const runner = startCdc({ connection: fx.connection, store: fx.store });
    await expect(runner.done).rejects.toMatchObject({ kind: 'wal-level' });
    await expect(runner.streaming).rejects.toMatchObject({ kind: 'wal-level' });
    const slots = await fx.query(`SELECT slot_name FROM pg_replication_slots`);
    expect(slots).toEqual([]);
  });
});
