import path from 'node:path';
import { ConfigError } from './config-error';

/** Where every piece of local state lives, all under one folder (AUTOCORP_HOME). */
export interface StateHome {
  /** The state folder itself: `.autocorp/` in the working directory unless AUTOCORP_HOME moves it. */
  readonly root: string;
  /** PostgreSQL data directory of the embedded server. */
  readonly postgresData: string;
  /** The lake folder (a local object store); its key layout belongs to @autocorp/lake-storage. */
  readonly lake: string;
  /** Pipeline positions, job bookmarks, run records. */
  readonly pipelineState: string;
  /** The local catalog. */
  readonly catalog: string;
  /** Generated source files (CSV exports) when no --out is given. */
  readonly generated: string;
  readonly logs: string;
}

export const DEFAULT_HOME_DIRNAME = '.autocorp';

/** Resolves the state folder from AUTOCORP_HOME, relative to `cwd` when not absolute. */
export function resolveStateHome(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): StateHome {
  const configured = env.AUTOCORP_HOME;
  if (configured !== undefined && configured.trim() === '') {
    throw new ConfigError(
      'invalid-home',
      'AUTOCORP_HOME is set but empty. Unset it to use ./.autocorp, or point it at a folder.',
    );
  }
  const root = path.resolve(cwd, configured ?? DEFAULT_HOME_DIRNAME);
  return stateHomeAt(root);
}

export function stateHomeAt(root: string): StateHome {
  const lake = path.join(root, 'lake');
  return {
    root,
    postgresData: path.join(root, 'postgres', 'data'),
    lake,
    pipelineState: path.join(root, 'state'),
    catalog: path.join(root, 'catalog'),
    generated: path.join(root, 'generated'),
    logs: path.join(root, 'logs'),
  };
}
