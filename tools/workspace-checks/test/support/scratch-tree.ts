import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** Scratch trees of files for one test file; each is removed after the test that made it. */
export function useScratchTrees(): (files: Record<string, string>) => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  /** A scratch tree with the given files (relative path -> content); returns its root. */
  return (files) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-checks-'));
    made.push(root);
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), content);
    }
    return root;
  };
}
