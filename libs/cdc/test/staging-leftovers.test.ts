import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropCdc, runCdcUntilIdle } from '../src/index';
import { cdcStagingRoot } from '../src/lake/cdc-staging';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';
import { spawnCdcChild } from './support/cdc-child';

const listing = async (folder: string) => (await readdir(folder).catch(() => [] as string[])).sort();

describe('staging folders', () => {
  let fx: CdcFixture;
  let systemTemp: string;
  const options = () => ({ connection: fx.connection, store: fx.store, tables: ['parts'], cutIntervalMs: 100 });

  beforeAll(async () => {
    fx = await startCdcFixture({ schema: false });
    await fx.query(`
      CREATE TABLE parts (id int PRIMARY KEY, name text NOT NULL); ALTER TABLE parts REPLICA IDENTITY FULL;
      CREATE TABLE notes (id int PRIMARY KEY, body text); ALTER TABLE notes REPLICA IDENTITY FULL;
      INSERT INTO parts VALUES (1, 'p1'); INSERT INTO notes VALUES (1, 'n1');
    `);
    await runCdcUntilIdle(options());
    // The children's system temp folder (TMPDIR): CDC must stage nothing there.
    systemTemp = path.join(path.dirname(fx.lakeDir), 'system-tmp');
    await mkdir(systemTemp, { recursive: true });
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('stages under the slot state folder of a local lake; the next start removes what a killed process left, not what a live one uses', async () => {
    const stagingRoot = path.join(fx.lakeDir, 'state', 'cdc', 'autocorp_cdc', '.lake-tmp-cdc-staging');
    expect(cdcStagingRoot(fx.store, 'autocorp_cdc')).toBe(stagingRoot);

    const killed = spawnCdcChild(fx, { TMPDIR: systemTemp, CDC_TABLES: 'parts', CDC_CUT_INTERVAL_MS: '100' });
    await killed.reported('streaming');
    await fx.query(`INSERT INTO parts VALUES (2, 'p2')`);
    await killed.reported('batch');
    await killed.kill();
    const left = await listing(stagingRoot);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^autocorp-cdc-[0-9a-f]{8}-${killed.pid}-`));
    expect((await listing(systemTemp)).filter((name) => name.startsWith('autocorp-cdc'))).toEqual([]);

    // A live process (its own slot and table) staging in the same folder.
    const live = spawnCdcChild(fx, {
      TMPDIR: systemTemp,
      CDC_SLOT: 'side',
      CDC_PUBLICATION: 'side',
      CDC_TABLES: 'notes',
      CDC_TEMP_ROOT: stagingRoot,
    });
    await live.reported('streaming');
    const liveFolders = (await listing(stagingRoot)).filter((name) => name !== left[0]);
    expect(liveFolders).toEqual([expect.stringMatching(new RegExp(`-${live.pid}-`))]);

    // The next start of the killed CDC: its leftover goes, the live folder stays, its own stage is gone when it ends.
    const summary = await runCdcUntilIdle(options());
    expect(summary.recoveredFiles).toEqual([]);
    expect(await listing(stagingRoot)).toEqual(liveFolders);
    expect((await fx.rawRows('parts', { cdcOnly: true })).map((r) => r.id)).toEqual([2]);

    live.child.kill('SIGTERM');
    expect(await live.exited).toBe(0);
    expect(await listing(stagingRoot)).toEqual([]);
    expect((await listing(systemTemp)).filter((name) => name.startsWith('autocorp-cdc'))).toEqual([]);

    // Dropping CDC leaves no staging folder behind in the lake.
    await dropCdc(options());
    await expect(stat(stagingRoot)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stages under the AUTOCORP_HOME state folder when the lake is on S3, one folder per lake and slot', () => {
    const home = path.join(path.dirname(fx.lakeDir), 'home');
    const env = { AUTOCORP_HOME: home };
    const a = openObjectStore('s3://bucket-a/lake', { env });
    const b = openObjectStore('s3://bucket-b/lake', { env });
    const rootA = cdcStagingRoot(a, 'autocorp_cdc', undefined, env);
    expect(rootA.startsWith(path.join(home, 'state') + path.sep)).toBe(true);
    expect(cdcStagingRoot(b, 'autocorp_cdc', undefined, env)).not.toBe(rootA);
    expect(cdcStagingRoot(a, 'other_slot', undefined, env)).not.toBe(rootA);
    expect(cdcStagingRoot(a, 'autocorp_cdc', '/explicit/temp', env)).toBe('/explicit/temp');
  });
});
