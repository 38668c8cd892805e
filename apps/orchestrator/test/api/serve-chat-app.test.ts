import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from '../../src/api/web/serve-web-app';
import { BUILD_CHAT_APP_COMMAND, CHAT_APP_PATH, chatAppRoot } from '../../src/api/web/web-app-root';

// The chat app's export served under /chat beside the dashboard at `/`: its pages and assets with the
// base path taken off, everything else left to the dashboard, a not-built page naming its build.
describe('serving the chat app export at /chat', () => {
  let parent: string;
  let app: Hono;

  const write = (root: string, files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
  };

  beforeAll(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-chat-web-'));
    write(path.join(parent, 'dashboard'), { 'index.html': '<p>dashboard</p>', '404.html': '<p>dash 404</p>' });
    write(path.join(parent, 'chat'), {
      'index.html': '<p>chat</p>',
      '404.html': '<p>chat 404</p>',
      '_next/static/chunks/chat.js': 'console.log(2)',
    });
    const chat = serveWebApp(path.join(parent, 'chat'), {
      basePath: CHAT_APP_PATH,
      name: 'The chat app',
      buildCommand: BUILD_CHAT_APP_COMMAND,
    });
    const dashboard = serveWebApp(path.join(parent, 'dashboard'));
    app = new Hono();
    app.get('/api/chat/info', (c) => c.json({ ok: true }));
    app.get('*', async (c, next) => (await chat(c)) ?? (await dashboard(c)) ?? (await next()));
  });

  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  const get = (url: string) => app.request(`http://localhost${url}`);

  it('answers /chat/ and its assets from the chat export, `/` and other paths from the dashboard', async () => {
    expect(await (await get('/chat/')).text()).toBe('<p>chat</p>');
    expect(await (await get('/chat')).text()).toBe('<p>chat</p>');
    const asset = await get('/chat/_next/static/chunks/chat.js');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await get('/')).text()).toBe('<p>dashboard</p>');
    expect(await (await get('/chatter')).text()).toBe('<p>dash 404</p>');
    const missing = await get('/chat/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<p>chat 404</p>');
    expect(await (await get('/api/chat/info')).json()).toEqual({ ok: true });
  });

  it('says how to build the chat app when its export is missing, and finds apps/chat/out in the repository', async () => {
    const web = serveWebApp(path.join(parent, 'not-built'), {
      basePath: CHAT_APP_PATH,
      name: 'The chat app',
      buildCommand: BUILD_CHAT_APP_COMMAND,
    });
    const missing = new Hono();
    missing.get('*', async (c, next) => (await web(c)) ?? (await next()));
    const response = await missing.request('http://localhost/chat/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npx nx run chat:build');
    const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');
    expect(chatAppRoot(path.join(import.meta.dirname, '..', '..', 'src', 'api', 'web'))).toBe(
      path.join(repoRoot, 'apps', 'chat', 'out'),
    );
  });
});
