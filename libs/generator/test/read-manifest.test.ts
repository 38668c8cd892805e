import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorError, MANIFEST_FILE, generate, readManifest } from '../src/index';

const SEED = 7;
const SCALE = 0.001;

describe('readManifest', () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'generator-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the manifest generate() wrote, and is undefined where nothing was exported', async () => {
    const out = join(dir, 'export');
    const summary = await generate({ seed: SEED, scale: SCALE, out, targets: ['csv'] });
    const manifest = await readManifest(out);
    expect(manifest).toEqual(summary.manifest);
    expect(manifest).toMatchObject({ seed: SEED, scale: SCALE });
    expect(await readManifest(join(dir, 'never-exported'))).toBeUndefined();
  });

  it('names the file of a manifest that is not JSON, keeping the parse error as the cause', async () => {
    const broken = join(dir, 'broken');
    rmSync(broken, { recursive: true, force: true });
    await generate({ seed: SEED, scale: SCALE, out: broken, targets: ['csv'] });
    writeFileSync(join(broken, MANIFEST_FILE), '{"generator": "@autocorp/gen');
    const error = await readManifest(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect(error).toMatchObject({
      kind: 'invalid-manifest',
      message: expect.stringContaining(join(broken, MANIFEST_FILE)),
    });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('refuses JSON that is not a generator manifest, and an unreadable file, naming the file', async () => {
    const other = join(dir, 'other');
    rmSync(other, { recursive: true, force: true });
    await generate({ seed: SEED, scale: SCALE, out: other, targets: ['csv'] });
    const file = join(other, MANIFEST_FILE);
    writeFileSync(file, JSON.stringify({ seed: 'x' }));
    await expect(readManifest(other)).rejects.toMatchObject({
      kind: 'invalid-manifest',
      message: expect.stringContaining(`${file} is not a manifest`),
    });
    // A directory where the file should be: reading it fails with EISDIR, which is kept as the cause.
    rmSync(file);
    const asFolder = join(other, MANIFEST_FILE);
    mkdirSync(asFolder);
    const error = await readManifest(other).catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: 'invalid-manifest',
      message: expect.stringContaining(`${asFolder} cannot be read`),
    });
    expect((error as NodeJS.ErrnoException & { cause: NodeJS.ErrnoException }).cause.code).toBe('EISDIR');
  });
});
