import fs from 'node:fs';
import path from 'node:path';

/** The package map of docs/architecture.md: the projects drawn (by folder) and the arrows between them. */
export interface PackageMap {
  readonly folders: readonly string[];
  readonly edges: readonly (readonly [from: string, to: string])[];
}

/** A row of docs/architecture.md's scope table. */
export interface ScopeRow {
  readonly scope: string;
  readonly folders: readonly string[];
  readonly mayImport: readonly string[];
  readonly testsMayAlsoImport: readonly string[];
}

/** The text of the section under `heading` (a `## ` heading) up to the next `## ` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`docs/architecture.md has no "## ${heading}" section.`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** A node's folder: its label up to the first `<br/>`; a bare name is a library under libs/. */
function folderOf(label: string): string {
  const name = (label.split('<br/>')[0] as string).trim();
  return name.includes('/') || name === 'infra' ? name : `libs/${name}`;
}

/** Reads the mermaid flowchart of the "Package map" section: `id[folder<br/>note]` nodes and `a --> b & c` arrows. */
export function readPackageMap(markdown: string): PackageMap {
  const block = /```mermaid\n([\s\S]*?)```/.exec(section(markdown, 'Package map'))?.[1];
  if (!block) throw new Error('The "Package map" section of docs/architecture.md has no mermaid block.');
  const folderById = new Map<string, string>();
  for (const match of block.matchAll(/(\w+)\[([^\]]+)\]/g))
    folderById.set(match[1] as string, folderOf(match[2] as string));
  const folder = (id: string): string => {
    const found = folderById.get(id);
    if (!found) throw new Error(`The package map draws an arrow from or to "${id}", which is no node of it.`);
    return found;
  };
  const edges: [string, string][] = [];
  for (const line of block.split('\n')) {
    const arrow = /^\s*(\w+)\s*-->\s*(.+?)\s*$/.exec(line);
    if (!arrow) continue;
    for (const target of (arrow[2] as string).split('&'))
      edges.push([folder(arrow[1] as string), folder(target.trim())]);
  }
  return { folders: [...new Set(folderById.values())].sort(), edges };
}

/** Reads the table of the "Scopes" section: | `scope:x` | folders | may import | tests may also import |. */
export function readScopeTable(markdown: string): ScopeRow[] {
  const list = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => (m[1] as string).replace(/^scope:/, ''));
  return section(markdown, 'Scopes')
    .split('\n')
    .filter((line) => /^\|\s*`scope:/.test(line))
    .map((line) => {
      const [scope = '', folders = '', mayImport = '', tests = ''] = line.split('|').slice(1, -1);
      return {
        scope: list(scope)[0] as string,
        folders: list(folders),
        mayImport: list(mayImport),
        testsMayAlsoImport: list(tests),
      };
    });
}

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly nx?: { readonly tags?: readonly string[] };
}

function manifest(root: string, dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as Manifest;
}

/** Each package folder's workspace dependencies (package.json "dependencies" naming another package), as folders. */
export function workspaceDependencies(root: string, packageDirs: readonly string[]): Map<string, string[]> {
  const folderByName = new Map(packageDirs.map((dir) => [manifest(root, dir).name, dir]));
  return new Map(
    packageDirs.map((dir) => [
      dir,
      Object.keys(manifest(root, dir).dependencies ?? {})
        .map((name) => folderByName.get(name))
        .filter((folder): folder is string => folder !== undefined)
        .sort(),
    ]),
  );
}

/** Each package folder's `scope:*` tags (without the prefix). */
export function packageScopes(root: string, packageDirs: readonly string[]): Map<string, string[]> {
  return new Map(
    packageDirs.map((dir) => [
      dir,
      (manifest(root, dir).nx?.tags ?? []).filter((t) => t.startsWith('scope:')).map((t) => t.slice('scope:'.length)),
    ]),
  );
}

/**
 * Where the map and the code differ: a project not drawn, a node that is no project, an arrow that
 * is no dependency, a dependency with no path of arrows (a dependency implied by a path may be left
 * undrawn, so the map stays readable).
 */
export function packageMapProblems(map: PackageMap, dependencies: ReadonlyMap<string, readonly string[]>): string[] {
  const problems: string[] = [];
  for (const folder of dependencies.keys())
    if (!map.folders.includes(folder)) problems.push(`${folder} is not drawn in the package map`);
  for (const folder of map.folders)
    if (!dependencies.has(folder)) problems.push(`the package map draws ${folder}, which is no workspace package`);
  for (const [from, to] of map.edges) {
    if (!(dependencies.get(from) ?? []).includes(to))
      problems.push(`the package map draws ${from} --> ${to}, but ${from} does not depend on ${to}`);
  }
  const reachable = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const node = stack.pop() as string;
      for (const [a, b] of map.edges) {
        if (a !== node || seen.has(b)) continue;
        seen.add(b);
        stack.push(b);
      }
    }
    return seen;
  };
  for (const [from, targets] of dependencies) {
    const drawn = reachable(from);
    for (const to of targets)
      if (!drawn.has(to))
        problems.push(`${from} depends on ${to}, but the package map has no path of arrows from ${from} to ${to}`);
  }
  return problems;
}
