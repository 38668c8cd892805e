import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { SourceDbError, findFreePort, openSourceDb, parseDatabaseUrl, redactUrl } from '../src/index';

const kindOf = async (promise: Promise<unknown>): Promise<SourceDbError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceDbError);
  return error as SourceDbError;
};

describe('DATABASE_URL', () => {
  it('pointing at a dead port gives unreachable, naming the address and the fix', async () => {
    const port = await findFreePort();
    const error = await kindOf(openSourceDb({ env: { DATABASE_URL: `postgres://app:s3cret@127.0.0.1:${port}/shop` } }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(`127.0.0.1:${port}/shop`);
    expect(error.message).toMatch(/Is PostgreSQL running at 127\.0\.0\.1:\d+\? .*DATABASE_URL/);
    expect(error.message).not.toContain('s3cret');
  });

  it('reports a server that accepts TCP but never speaks PostgreSQL as unreachable', async () => {
    const silent = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const error = await kindOf(openSourceDb({ url: `postgres://app:pw@127.0.0.1:${port}/shop` }));
      expect(error.kind).toBe('unreachable');
      expect(error.message).toContain(`127.0.0.1:${port}/shop`);
    } finally {
      silent.close();
    }
  });

  it('is validated: scheme, host, database and user', () => {
    const kind = (url: string) => {
      try {
        parseDatabaseUrl(url);
        return 'ok';
      } catch (error) {
        return `${(error as SourceDbError).kind}: ${(error as Error).message}`;
      }
    };
    expect(kind('not a url')).toMatch(/^invalid-url: DATABASE_URL is not a URL/);
    expect(kind('mysql://u:p@h:3306/db')).toMatch(/^invalid-url: .*scheme "mysql"/);
    expect(kind('postgres://u:p@h:5432/')).toMatch(/^invalid-url: .*names no database/);
    expect(kind('postgres://h:5432/db')).toMatch(/^invalid-url: .*names no user/);
    expect(kind('postgres://u:secret@h:5432/')).not.toContain('secret');
    expect(parseDatabaseUrl('postgresql://us%40er:p%2Fw@db.example.com/shop?sslmode=require')).toEqual({
      host: 'db.example.com',
      port: 5432,
      database: 'shop',
      user: 'us@er',
    });
    expect(parseDatabaseUrl('postgres://u@[::1]:6543/x')).toMatchObject({ host: '::1', port: 6543 });
  });

  it('is redacted in messages', () => {
    expect(redactUrl('postgres://user:pa:ss@host/db')).toBe('postgres://user:***@host/db');
  });
});

describe('AUTOCORP_PG_PORT', () => {
  it('must be a port number', async () => {
    const error = await kindOf(
      openSourceDb({ env: { AUTOCORP_HOME: '/tmp/autocorp-never-used', AUTOCORP_PG_PORT: 'eighty' } }),
    );
    expect(error.kind).toBe('invalid-port');
    expect(error.message).toMatch(/AUTOCORP_PG_PORT is "eighty"/);
  });
});
