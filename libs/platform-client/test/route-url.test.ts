import { describe, expect, it } from 'vitest';
import { PlatformClientError } from '../src/client/platform-client-error';
import { routeUrl } from '../src/client/route-url';
import { ROUTES } from '../src/contract/routes';

describe('routeUrl', () => {
  it('fills the path parameters (encoded) and writes the query, lists comma-joined, undefined left out', () => {
    expect(
      routeUrl('http://h:1/', ROUTES.table, { database: 'autocorp_curated', table: 'a b' }, { x: undefined }),
    ).toBe('http://h:1/api/tables/autocorp_curated/a%20b');
    expect(routeUrl('http://h:1', ROUTES.etlRuns, {}, { job: ['a', 'b'], limit: 5 })).toBe(
      'http://h:1/api/etl/runs?job=a%2Cb&limit=5',
    );
  });

  it('names a missing path parameter', () => {
    expect(() => routeUrl('http://h', ROUTES.timeline, {})).toThrow(PlatformClientError);
    expect(() => routeUrl('http://h', ROUTES.timeline, {})).toThrow('"table"');
  });
});
