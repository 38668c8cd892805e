import fs from 'node:fs';
import path from 'node:path';

/** The ops dashboard's project folder beside this app (apps/ops-dashboard), and its static export inside. */
const DASHBOARD_PROJECT = path.join('..', 'ops-dashboard');
const EXPORT_FOLDER = 'out';

/**
 * Where the ops dashboard's static export is (apps/ops-dashboard/out), found by path from this
 * module's folder (src/api/web or the built dist/): apps never import each other. Null when this app
 * is not inside the repository.
 */
export function webAppRoot(from: string = import.meta.dirname): string | null {
  return exportRoot(DASHBOARD_PROJECT, from);
}

function exportRoot(project: string, from: string): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.resolve(dir, project, EXPORT_FOLDER);
    if (path.dirname(dir) === dir) return null;
  }
}

/** What to run when the export is missing. */
export const BUILD_WEB_APP_COMMAND = 'npx nx run ops-dashboard:build';

/** The chat app's project folder beside this app (apps/chat); its export is served under CHAT_APP_PATH. */
const CHAT_PROJECT = path.join('..', 'chat');

/** Where the chat app's static export is (apps/chat/out), found like the dashboard's; null outside the repository. */
export function chatAppRoot(from: string = import.meta.dirname): string | null {
  return exportRoot(CHAT_PROJECT, from);
}

/** The path the chat app is served at (its Next.js basePath, apps/chat/src/platform/base-path.ts). */
export const CHAT_APP_PATH = '/chat';

/** What to run when the chat app's export is missing. */
export const BUILD_CHAT_APP_COMMAND = 'npx nx run chat:build';
