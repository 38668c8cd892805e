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
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.resolve(dir, DASHBOARD_PROJECT, EXPORT_FOLDER);
    if (path.dirname(dir) === dir) return null;
  }
}

/** What to run when the export is missing. */
export const BUILD_WEB_APP_COMMAND = 'npx nx run ops-dashboard:build';
