import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp, webAppFile } from '../../src/api/web/serve-web-app';
import { webAppRoot } from '../../src/api/web/web-app-root';

// The ops dashboard's static export served beside the API: pages by their folder, assets with their
// type, nothing outside the export, the API's own paths never answered from it.
describe('serving the ops dashboard export', () => {
  let parent: string;
  let root: string;
  let app: Hono;

  beforeAll(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-web-'));
    root = path.join(parent, 'out');
    const files: Record<string, string> = {
      'index.html': '<p>overview</p>',
      'tables/index.html': '<p>tables</p>',
      '404.html': '<p>missing</p>',
      '_next/static/chunks/app.js': 'console.log(1)',
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside');
    const web = serveWebApp(root);
    app = new Hono();
    app.get('/api/status', (c) => c.json({ ok: true }));
    app.get('*', async (c, next) => (await web(c)) ?? (await next()));
    app.notFound((c) => c.json({ error: 'no route' }, 404));
  });

  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  const get = (url: string) => app.request(`http://localhost${url}`);

  it('answers pages by their folder and assets with their type and caching', async () => {
    for (const [url, file] of [
      ['/', 'index.html'],
      ['/tables/', 'tables/index.html'],
      ['/tables', 'tables/index.html'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toBe(fs.readFileSync(path.join(root, file), 'utf8'));
    }
    const asset = await get('/_next/static/chunks/app.js');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('never reads outside the export, and answers an unknown page with the 404 page', async () => {
    expect(await webAppFile(root, '/../secret.txt')).toBeNull();
    expect(await webAppFile(root, '/%2e%2e/secret.txt')).toBeNull();
    const response = await get('/%2e%2e/secret.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(fs.readFileSync(path.join(root, '404.html'), 'utf8'));
  });

  it("leaves the API's paths to the API: an unknown /api route stays a JSON 404", async () => {
    expect(await (await get('/api/status')).json()).toEqual({ ok: true });
    const unknown = await get('/api/nothing');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no route' });
  });

  it('says how to build the dashboard when the export is missing', async () => {
    const missing = new Hono();
    const web = serveWebApp(path.join(parent, 'not-built'));
    missing.get('*', async (c, next) => (await web(c)) ?? (await next()));
    const response = await missing.request('http://localhost/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npx nx run ops-dashboard:build');
  });

  it("finds the export in the repository's apps/ops-dashboard from this app's sources", () => {
    const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');
    expect(webAppRoot(path.join(import.meta.dirname, '..', '..', 'src', 'api', 'web'))).toBe(
      path.join(repoRoot, 'apps', 'ops-dashboard', 'out'),
    );
    expect(webAppRoot(path.join(import.meta.dirname, '..', '..', 'dist'))).toBe(
      path.join(repoRoot, 'apps', 'ops-dashboard', 'out'),
    );
  });
});
