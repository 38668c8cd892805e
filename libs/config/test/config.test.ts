import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveProfile, resolveStateHome } from '../src/index';

describe('resolveStateHome', () => {
  it('defaults to .autocorp in the working directory with the lake folder under it', () => {
    const home = resolveStateHome({}, '/work/x');
    expect(home.root).toBe(path.resolve('/work/x/.autocorp'));
    expect(home.lake).toBe(path.resolve('/work/x/.autocorp/lake'));
  });

  it('is moved by AUTOCORP_HOME, relative paths against the working directory', () => {
    expect(resolveStateHome({ AUTOCORP_HOME: '/data/ac' }, '/w').postgresData).toBe('/data/ac/postgres/data');
    expect(resolveStateHome({ AUTOCORP_HOME: 'st' }, '/w').root).toBe('/w/st');
  });

  it('rejects an empty AUTOCORP_HOME with a message saying what to do', () => {
    expect(() => resolveStateHome({ AUTOCORP_HOME: ' ' }, '/w')).toThrowError(/AUTOCORP_HOME is set but empty/);
  });
});

describe('resolveProfile', () => {
  it('defaults to local and accepts aws', () => {
    expect(resolveProfile({})).toBe('local');
    expect(resolveProfile({ AUTOCORP_PROFILE: 'aws' })).toBe('aws');
  });

  it('names the bad value and the allowed ones', () => {
    try {
      resolveProfile({ AUTOCORP_PROFILE: 'gcp' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).kind).toBe('invalid-profile');
      expect((error as Error).message).toContain('"gcp"');
      expect((error as Error).message).toContain('local, aws');
    }
  });
});
