import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, CONFIG_KEYS, ConfigError, resolvePlatformConfig } from '../src/index';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeConfig(value: unknown, name = CONFIG_FILE_NAME): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('resolvePlatformConfig', () => {
  it('without a file or variables gives every key its default', () => {
    const config = resolvePlatformConfig({ env: {}, cwd: dir });
    expect(config.file).toBeUndefined();
    for (const spec of CONFIG_KEYS) expect(config.sources[spec.key]).toBe('default');
    const byKey = Object.fromEntries(CONFIG_KEYS.map((k) => [k.key, k.default]));
    expect(config.api).toEqual({ host: byKey['api.host'], port: byKey['api.port'] });
    expect(config.scale).toBe(byKey.scale);
    expect(config.intervals.etlDebounceMs).toBe(byKey['intervals.etlDebounceMs']);
    expect(config.paths).toEqual({ lake: undefined, watch: undefined });
  });

  it('reads autocorp.config.json, resolving relative paths against the file', () => {
    const file = writeConfig({
      scale: 0.002,
      api: { port: 9001 },
      paths: { watch: 'drop', lake: 's3://bucket/lake' },
      intervals: { etlDebounceMs: 250 },
      simulator: { ordersPerSecond: 50, seed: 7 },
    });
    const config = resolvePlatformConfig({ env: {}, cwd: dir });
    expect(config.file).toBe(file);
    expect(config.scale).toBe(0.002);
    expect(config.api.port).toBe(9001);
    expect(config.paths.watch).toBe(path.join(dir, 'drop'));
    expect(config.paths.lake).toBe('s3://bucket/lake');
    expect(config.intervals.etlDebounceMs).toBe(250);
    expect(config.simulator).toEqual({ ordersPerSecond: 50, seed: 7 });
    expect(config.sources['api.port']).toBe('file');
    expect(config.sources['api.host']).toBe('default');
  });

  it('environment variables override the file and flags override both', () => {
    writeConfig({ api: { port: 9001 }, simulator: { ordersPerSecond: 5 } });
    const config = resolvePlatformConfig({
      env: { AUTOCORP_API_PORT: '9002', AUTOCORP_SIMULATE: '20' },
      cwd: dir,
      flags: { 'simulator.ordersPerSecond': { flag: 'simulate', value: '100' } },
    });
    expect(config.api.port).toBe(9002);
    expect(config.sources['api.port']).toBe('env');
    expect(config.simulator.ordersPerSecond).toBe(100);
    expect(config.sources['simulator.ordersPerSecond']).toBe('flag');
  });

  it('AUTOCORP_CONFIG names another file, which must exist', () => {
    const file = writeConfig({ seed: 9 }, 'other.json');
    expect(resolvePlatformConfig({ env: { AUTOCORP_CONFIG: 'other.json' }, cwd: dir }).seed).toBe(9);
    const missing = errorOf(() => resolvePlatformConfig({ env: { AUTOCORP_CONFIG: 'nope.json' }, cwd: dir }));
    expect(missing.kind).toBe('config-file-unreadable');
    expect(missing.message).toContain(path.join(dir, 'nope.json'));
    expect(missing.message).toContain('unset AUTOCORP_CONFIG');
    expect(file).toContain('other.json');
  });

  it('names the file and the fix when the JSON is broken or not an object', () => {
    const file = writeConfig('{ "api": { "port": 80 ');
    const broken = errorOf(() => resolvePlatformConfig({ env: {}, cwd: dir }));
    expect(broken.kind).toBe('config-file-invalid');
    expect(broken.message).toContain(file);
    expect(broken.message).toContain('Fix the JSON');
    expect(broken.cause).toBeInstanceOf(SyntaxError);
    writeConfig([1, 2]);
    expect(errorOf(() => resolvePlatformConfig({ env: {}, cwd: dir })).message).toContain('one JSON object');
  });

  it('names an unknown key and lists the known ones', () => {
    writeConfig({ api: { prot: 9000 } });
    const error = errorOf(() => resolvePlatformConfig({ env: {}, cwd: dir }));
    expect(error.kind).toBe('unknown-config-key');
    expect(error.message).toContain('"api.prot"');
    for (const spec of CONFIG_KEYS) expect(error.message).toContain(spec.key);
  });

  it('names a section given as a value', () => {
    writeConfig({ api: 9000 });
    const error = errorOf(() => resolvePlatformConfig({ env: {}, cwd: dir }));
    expect(error.kind).toBe('invalid-config-value');
    expect(error.message).toContain('"api" as 9000; it is a section');
  });

  it.each([
    [{ api: { port: 70000 } }, 'api.port', 'at most 65535'],
    [{ api: { port: '9000' } }, 'api.port', 'a JSON number'],
    [{ scale: 0 }, 'scale', 'greater than 0'],
    [{ seed: 1.5 }, 'seed', 'a whole number'],
    [{ intervals: { etlDebounceMs: 1 } }, 'intervals.etlDebounceMs', 'at least 10'],
    [{ profile: 'gcp' }, 'profile', 'one of: local, aws'],
    [{ paths: { watch: 3 } }, 'paths.watch', 'a JSON string'],
    [{ simulator: { ordersPerSecond: -1 } }, 'simulator.ordersPerSecond', 'at least 0'],
  ])('rejects the file value %j naming %s and what it accepts', (value, key, accepted) => {
    const file = writeConfig(value);
    const error = errorOf(() => resolvePlatformConfig({ env: {}, cwd: dir }));
    expect(error.kind).toBe('invalid-config-value');
    expect(error.message).toContain(`The config file ${file} key "${key}"`);
    expect(error.message).toContain(accepted);
  });

  it('names the environment variable or the flag a bad value came from', () => {
    const fromEnv = errorOf(() => resolvePlatformConfig({ env: { AUTOCORP_ETL_INTERVAL_MS: 'soon' }, cwd: dir }));
    expect(fromEnv.message).toContain('The environment variable AUTOCORP_ETL_INTERVAL_MS is "soon"');
    expect(fromEnv.message).toContain('intervals.etlDebounceMs');
    const fromFlag = errorOf(() =>
      resolvePlatformConfig({
        env: {},
        cwd: dir,
        flags: { 'simulator.ordersPerSecond': { flag: 'simulate', value: 'lots' } },
      }),
    );
    expect(fromFlag.message).toMatch(
      /^--simulate is "lots", which is not valid for simulator.ordersPerSecond: give a number, at least 0/,
    );
  });
});
