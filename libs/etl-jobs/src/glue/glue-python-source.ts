import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EtlJobsError } from '../etl-jobs-error';

/** The Glue driver (PySpark) and its pure helpers, under libs/etl-jobs/python. */
export const GLUE_DRIVER_FILE = 'glue_job.py';
export const GLUE_RULES_FILE = 'glue_job_rules.py';

/** How the driver imports the helpers: a parenthesized `from glue_job_rules import (...)` on lines of its own. */
const RULES_IMPORT = /^from glue_job_rules import \([^)]*\)\n/gm;

/**
 * The folder of the Glue job's Python modules, found through the package (not relative to this file), so the
 * bundled CLI and the CDK app find it as well as the sources do.
 */
export function gluePythonDir(): string {
  const packageJson = createRequire(import.meta.url).resolve('@autocorp/etl-jobs/package.json');
  return path.join(path.dirname(packageJson), 'python');
}

let driverSource: string | undefined;

/**
 * The static part of every Glue script: glue_job.py with glue_job_rules.py inlined where it imports it, so the
 * deployed script is one file (read once, on first use).
 */
export function glueDriverSource(): string {
  driverSource ??= inlineGlueRules(readPython(GLUE_DRIVER_FILE), readPython(GLUE_RULES_FILE));
  return driverSource;
}

/** The driver with its one import of the helpers replaced by the helpers' source. */
export function inlineGlueRules(driver: string, rules: string): string {
  const imports = driver.match(RULES_IMPORT) ?? [];
  if (imports.length !== 1) {
    throw new EtlJobsError(
      'glue-module',
      `${GLUE_DRIVER_FILE} must import ${GLUE_RULES_FILE} once, as "from glue_job_rules import (...)" on lines of its own (found ${imports.length}); the renderer inlines the helpers there.`,
    );
  }
  return driver.replace(
    RULES_IMPORT,
    () =>
      `# --- ${GLUE_RULES_FILE}, inlined by render-glue-script.ts ---\n${rules.trimEnd()}\n# --- end of ${GLUE_RULES_FILE} ---\n`,
  );
}

function readPython(file: string): string {
  const location = path.join(gluePythonDir(), file);
  try {
    return readFileSync(location, 'utf8');
  } catch (cause) {
    throw new EtlJobsError(
      'glue-module',
      `Cannot read the Glue job module ${location}; reinstall @autocorp/etl-jobs (its python/ folder ships with the package).`,
      { cause },
    );
  }
}
