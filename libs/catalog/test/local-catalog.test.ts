import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog, CatalogError, LocalCatalogBackend, type TableInput } from '../src/index';
import { type TestLake, createTestLake } from './helpers/lake';

const ORDERS: TableInput = {
  name: 'sales_order',
  location: 'file:///lake/curated/sales_order/',
  format: 'hudi',
  columns: [
    { name: 'order_id', type: 'bigint' },
    { name: 'total_amount', type: 'decimal(12,2)' },
  ],
  partitionKeys: [{ name: 'order_year', type: 'int' }],
  properties: { 'hoodie.table.recordkey.fields': 'invoice_number' },
};

describe('local catalog backend', () => {
  let lake: TestLake;
  let clock: number;
  const now = () => new Date(Date.UTC(2024, 0, 1) + clock++ * 1000);

  beforeEach(async () => {
    lake = await createTestLake();
    clock = 0;
  });
  afterEach(async () => lake.close());

  it('creates, finds and persists databases and tables across instances', async () => {
    const catalog = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir, now }));
    await catalog.ensureDatabase({ name: 'curated' });
    const first = await catalog.registerTable('curated', ORDERS);
    expect(first.outcome).toBe('created');
    expect(first.table).toMatchObject({
      database: 'curated',
      name: 'sales_order',
      versionId: '1',
      createdAt: '2024-01-01T00:00:01.000Z',
    });

    const reopened = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir }));
    expect((await reopened.listDatabases()).map((d) => d.name)).toEqual(['curated']);
    expect(await reopened.getTable('curated', 'sales_order')).toEqual(first.table);
    expect((await reopened.listTables('curated')).map((t) => t.name)).toEqual(['sales_order']);
    expect(await reopened.getTable('curated', 'nope')).toBeUndefined();
  });

  it('writes nothing when the same definition is registered again', async () => {
    const catalog = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir, now }));
    await catalog.ensureDatabase({ name: 'curated' });
    await catalog.registerTable('curated', ORDERS);
    const file = path.join(lake.catalogDir, 'curated', 'tables', 'sales_order.json');
    const before = await fs.readFile(file, 'utf8');
    const again = await catalog.registerTable('curated', { ...ORDERS, properties: { ...ORDERS.properties } });
    expect(again.outcome).toBe('unchanged');
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect((await catalog.history('curated', 'sales_order')).length).toBe(1);
    expect((await fs.readdir(path.dirname(file))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the old version and records what changed', async () => {
    const catalog = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir, now }));
    await catalog.ensureDatabase({ name: 'curated' });
    await catalog.registerTable('curated', ORDERS);
    const changed: TableInput = {
      ...ORDERS,
      columns: [
        { name: 'order_id', type: 'string' },
        { name: 'status', type: 'string' },
      ],
    };
    const updated = await catalog.registerTable('curated', changed);
    expect(updated.outcome).toBe('updated');
    expect(updated.change).toEqual({
      added: [{ name: 'status', type: 'string' }],
      removed: [{ name: 'total_amount', type: 'decimal(12,2)' }],
      retyped: [{ name: 'order_id', from: 'bigint', to: 'string' }],
      partitionKeysChanged: false,
    });
    expect(updated.table.versionId).toBe('2');
    expect(updated.table.createdAt).toBe('2024-01-01T00:00:01.000Z');
    expect(updated.table.updatedAt).toBe('2024-01-01T00:00:02.000Z');
    const history = await catalog.history('curated', 'sales_order');
    expect(history.map((v) => v.versionId)).toEqual(['1', '2']);
    expect(history[0]?.table.columns).toEqual(ORDERS.columns);
    expect(history[0]?.change).toBeUndefined();
    expect(history[1]?.change?.retyped).toEqual([{ name: 'order_id', from: 'bigint', to: 'string' }]);
  });

  it('adds partitions once and checks their arity', async () => {
    const catalog = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir, now }));
    await catalog.ensureDatabase({ name: 'curated' });
    await catalog.registerTable('curated', ORDERS);
    expect(
      await catalog.addPartitions('curated', 'sales_order', [
        { values: ['2024'], location: 'file:///x/2024/' },
        { values: ['2023'], location: 'file:///x/2023/' },
      ]),
    ).toBe(2);
    expect(
      await catalog.addPartitions('curated', 'sales_order', [{ values: ['2024'], location: 'file:///x/2024/' }]),
    ).toBe(0);
    expect((await catalog.getPartitions('curated', 'sales_order')).map((p) => p.values)).toEqual([['2023'], ['2024']]);
    await expect(
      catalog.addPartitions('curated', 'sales_order', [{ values: ['2024', '01'], location: 'file:///x/' }]),
    ).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('refuses bad names, unknown databases and duplicate columns with clear errors', async () => {
    const catalog = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir, now }));
    await expect(catalog.ensureDatabase({ name: 'Bad-Name' })).rejects.toThrow(/database name "Bad-Name" is not valid/);
    await expect(catalog.registerTable('missing', ORDERS)).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('Database "missing"'),
    });
    await catalog.ensureDatabase({ name: 'curated' });
    const dup = { ...ORDERS, columns: [...ORDERS.columns, { name: 'Order_Id', type: 'int' }] };
    const error = await catalog.registerTable('curated', dup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).message).toContain('column "Order_Id" twice');
    await expect(catalog.requireTable('curated', 'ghost')).rejects.toThrow(
      /Table "curated.ghost" is not in the local catalog/,
    );
  });

  it('reports a damaged catalog file as corrupt-state naming the file', async () => {
    const catalog = new Catalog(new LocalCatalogBackend({ root: lake.catalogDir, now }));
    await catalog.ensureDatabase({ name: 'curated' });
    await catalog.registerTable('curated', ORDERS);
    const file = path.join(lake.catalogDir, 'curated', 'tables', 'sales_order.json');
    await fs.writeFile(file, '{"versions": [');
    await expect(catalog.getTable('curated', 'sales_order')).rejects.toMatchObject({
      kind: 'corrupt-state',
      message: expect.stringContaining(file),
    });
  });
});
