import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAutocorp } from '../autocorp-process';

// `autocorp up` checks its configuration before it starts anything: a bad value stops it at once
// with one line naming the key, where the value came from, and what it accepts.
describe('autocorp up configuration errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-up-config-'));
  const env = { AUTOCORP_HOME: path.join(dir, 'home'), CI: 'true', DATABASE_URL: undefined };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names a bad --simulate rate', async () => {
    const result = await runAutocorp(['up', '--simulate', 'lots'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: --simulate is "lots", which is not valid for simulator\.ordersPerSecond: give a number, at least 0/,
    );
    expect(fs.existsSync(path.join(dir, 'home'))).toBe(false);
  });

  it('names the config file key and the environment variable of a bad value', async () => {
    const file = path.join(dir, 'autocorp.config.json');
    fs.writeFileSync(file, JSON.stringify({ api: { port: 123456 } }));
    const fromFile = await runAutocorp(['up'], { ...env, AUTOCORP_CONFIG: file });
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain(`error: The config file ${file} key "api.port" is "123456"`);
    expect(fromFile.stderr).toContain('at most 65535');
    const fromEnv = await runAutocorp(['up'], { ...env, AUTOCORP_CONFIG: file, AUTOCORP_API_PORT: '70000' });
    expect(fromEnv.stderr).toContain('error: The environment variable AUTOCORP_API_PORT is "70000"');
  });

  it('names an unreachable DATABASE_URL and how to fix it, and exits 1', async () => {
    const port = await closedPort();
    const result = await runAutocorp(['up'], { ...env, DATABASE_URL: `postgres://shop@127.0.0.1:${port}/shop` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port}`);
    expect(result.stderr).toContain('set DATABASE_URL to a server that runs');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('--once refuses --simulate', async () => {
    const result = await runAutocorp(['up', '--once', '--simulate', '5'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--once runs one pass and exits; it cannot --simulate');
  });
});

/** A local port nothing listens on: bound by the OS, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
