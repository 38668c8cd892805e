import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CdcError, cdcStatus, dropCdc, runCdcUntilIdle } from '../src/index';
import { readCdcState } from '../src/state/cdc-state';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';

const slotLsn = async (fx: CdcFixture) =>
  (
    await fx.query<{ lsn: string }>(
      `SELECT confirmed_flush_lsn::text AS lsn FROM pg_replication_slots WHERE slot_name = 'autocorp_cdc'`,
    )
  )[0]?.lsn;

const rejection = async (promise: Promise<unknown>): Promise<CdcError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CdcError);
  return error as CdcError;
};

describe('a table CDC cannot stream', () => {
  let fx: CdcFixture;
  const options = () => ({ connection: fx.connection, store: fx.store, tables: ['notes', 'tags'], cutIntervalMs: 100 });

  beforeAll(async () => {
    fx = await startCdcFixture({ schema: false });
    // notes keeps the default replica identity: an update of another column sends a TOASTed body as "unchanged".
    await fx.query(`
      CREATE TABLE notes (id int PRIMARY KEY, title text NOT NULL, body text);
      CREATE TABLE tags (id int PRIMARY KEY, name text NOT NULL);
      ALTER TABLE tags REPLICA IDENTITY FULL;
    `);
    await runCdcUntilIdle(options());
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('is recorded as errored with the solution, streams nothing until the solution is applied, then streams again', async () => {
    // 64 KB of hex digests: too long to stay inline, so PostgreSQL stores it out of line (TOAST).
    await fx.query(`INSERT INTO notes SELECT 1, 'first', string_agg(md5(g::text), '') FROM generate_series(1, 2000) g`);
    await fx.query(`UPDATE notes SET title = 'second' WHERE id = 1`);
    const failure = await rejection(runCdcUntilIdle(options()));
    expect(failure.kind).toBe('unchanged-toast');
    expect(failure.table).toBe('notes');
    expect(failure.solution).toMatch(/REPLICA IDENTITY FULL/);

    const state = await readCdcState(fx.store, 'autocorp_cdc');
    const notes = state?.tables.notes;
    expect(notes?.state).toBe('errored');
    if (notes?.state !== 'errored') return;
    expect(notes.solution).toBe(failure.solution);
    expect(failure.message).toBe(`${notes.reason} ${notes.solution}`);
    expect(state?.tables.tags?.state).toBe('ready');
    const status = await cdcStatus(options());
    expect(status.tables.notes).toEqual(notes);

    // The next start refuses with the solution, and neither takes a new full load nor moves the slot.
    const slotBefore = await slotLsn(fx);
    const refused = await rejection(runCdcUntilIdle(options()));
    expect(refused.kind).toBe('table-errored');
    expect(refused.solution).toBe(notes.solution);
    expect(refused.message).toContain(notes.solution);
    expect(await slotLsn(fx)).toBe(slotBefore);
    expect((await readCdcState(fx.store, 'autocorp_cdc'))?.tables.notes).toEqual(notes);

    // Applying the solution: replica identity full, then dropCdc and a new full load.
    await fx.query(`ALTER TABLE notes REPLICA IDENTITY FULL`);
    await dropCdc(options());
    const reloaded = await runCdcUntilIdle(options());
    expect(reloaded.fullLoad?.tables.map((t) => [t.table, t.rows])).toEqual([
      ['notes', 1],
      ['tags', 0],
    ]);
    await fx.query(`UPDATE notes SET title = 'third' WHERE id = 1`);
    await runCdcUntilIdle(options());
    const [body] = await fx.query<{ body: string }>(`SELECT body FROM notes WHERE id = 1`);
    const updates = (await fx.rawRows('notes', { cdcOnly: true })).filter((r) => r.Op === 'U');
    expect(updates.map((r) => [r.title, r.body])).toEqual([['third', body?.body]]);
    expect((await readCdcState(fx.store, 'autocorp_cdc'))?.tables.notes?.state).toBe('ready');
  });
});
