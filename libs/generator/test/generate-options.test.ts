import { writeFile, rm } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type GenerateOptions, GeneratorError, generate } from '../src/index';

const blocker = `/tmp/autocorp-generator-blocker-${process.pid}`;

async function failure(options: Partial<GenerateOptions>): Promise<GeneratorError> {
  try {
    await generate({
      seed: 1,
      scale: 0.001,
      targets: ['csv'],
      out: `/tmp/autocorp-generator-never-${process.pid}`,
      ...options,
    } as GenerateOptions);
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error('generate did not fail');
}

describe('generate option checks', () => {
  afterAll(async () => {
    await rm(blocker, { force: true });
  });

  it.each([
    [0, /scale 0 is not a positive number/],
    [-2, /scale -2 is not a positive number/],
    [Number.NaN, /scale NaN is not a positive number/],
  ])('rejects scale %s', async (scale, message) => {
    const error = await failure({ scale });
    expect(error.kind).toBe('invalid-scale');
    expect(error.message).toMatch(message);
  });

  it('rejects a non-integer seed', async () => {
    const error = await failure({ seed: 1.5 });
    expect(error.kind).toBe('invalid-seed');
    expect(error.message).toContain('seed 1.5');
  });

  it('rejects unknown and missing targets, naming them', async () => {
    const unknown = await failure({ targets: ['postgres', 'parquet'] as unknown as GenerateOptions['targets'] });
    expect(unknown.kind).toBe('invalid-target');
    expect(unknown.message).toContain('"parquet"');
    expect((await failure({ targets: [] })).kind).toBe('invalid-target');
  });

  it('needs a pool for the postgres target', async () => {
    const error = await failure({ targets: ['postgres'] });
    expect(error.kind).toBe('missing-pool');
    expect(error.message).toContain('pg.Pool');
  });

  it('needs a writable output folder for the csv target', async () => {
    await writeFile(blocker, 'a file, not a folder');
    const error = await failure({ out: `${blocker}/export` });
    expect(error.kind).toBe('invalid-output');
    expect(error.message).toContain(`${blocker}/export`);
    expect((await failure({ out: undefined })).kind).toBe('invalid-output');
  });

  it('checks everything before touching PostgreSQL', async () => {
    const pool = new pg.Pool({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 100 });
    try {
      const error = await failure({ targets: ['postgres'], pool, scale: -1 });
      expect(error.kind).toBe('invalid-scale');
    } finally {
      await pool.end();
    }
  });
});
