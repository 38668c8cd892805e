import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { BUILD_WEB_APP_COMMAND } from './web-app-root';

/** A second export served under a path of its own (the chat app at /chat), beside the dashboard at `/`. */
export interface MountedWebApp {
  /** e.g. `/chat`: the app's Next.js basePath. */
  readonly basePath: string;
  /** Its name in the not-built page. */
  readonly name: string;
  readonly buildCommand: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Paths the API owns: never answered from the export (an unknown /api route stays a JSON 404). */
const API_PATHS = /^\/(api\/|api$|health$|openapi\.json$)/;

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/** The file of the export that answers `urlPath` (`/tables/` -> tables/index.html), or null; never outside `root`. */
export async function webAppFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return null;
  for (const candidate of [file, path.join(file, 'index.html'), `${file}.html`])
    if (await isFile(candidate)) return candidate;
  return null;
}

function notBuilt(root: string, name = 'The ops dashboard', command = BUILD_WEB_APP_COMMAND): Response {
  const html = `<!doctype html><meta charset="utf-8"><title>${name} not built</title><p>${name} is not built (no ${root}). Build it with <code>${command}</code> (<code>npm start</code> builds it), then reload. The API answers under <a href="/api/status">/api</a>.</p>`;
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/**
 * Answers GET requests outside the API's paths with the ops dashboard's static export (the same
 * origin as /api, so the browser needs no CORS): hashed assets cached for good, pages revalidated.
 */
export function serveWebApp(root: string, mounted?: MountedWebApp): (c: Context) => Promise<Response | undefined> {
  return async (c) => {
    let urlPath = new URL(c.req.url).pathname;
    if (API_PATHS.test(urlPath)) return undefined;
    if (mounted) {
      // Only the app's own paths, answered from its export with the base path taken off.
      if (urlPath !== mounted.basePath && !urlPath.startsWith(`${mounted.basePath}/`)) return undefined;
      urlPath = urlPath.slice(mounted.basePath.length) || '/';
    }
    if (!(await isFile(path.join(root, 'index.html'))))
      return mounted ? notBuilt(root, mounted.name, mounted.buildCommand) : notBuilt(root);
    const file = await webAppFile(root, urlPath);
    const notFound = file === null;
    const served = file ?? path.join(root, '404.html');
    if (notFound && !(await isFile(served))) return undefined;
    const body = await readFile(served);
    const immutable = urlPath.startsWith('/_next/static/');
    return new Response(body, {
      status: notFound ? 404 : 200,
      headers: {
        'content-type': CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
      },
    });
  };
}
