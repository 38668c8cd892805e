import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { textFiles } from './workspace-files';

/** An import cycle among the files of one package: each file imports the next, the last imports the first. */
export interface ImportCycle {
  readonly packageDir: string;
  /** Paths relative to the package, starting at the alphabetically first file of the cycle. */
  readonly files: readonly string[];
  /** Every file of the group of files that import each other in a circle (sorted); `files` is one cycle among them. */
  readonly group: readonly string[];
}

/**
 * The relative specifiers one TypeScript file imports: static imports and re-exports, `import type`,
 * `import()` and `require()` (a type-only import is still a dependency between the two files).
 */
export function relativeSpecifiers(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter(
      (specifier) =>
        specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../'),
    );
}

/** The .ts file of the package that `specifier` (relative to `fromFile`) names, if any: `x`, `x.ts`, `x.js` (ESM spelling), `x/index.ts`. */
function resolveInPackage(files: ReadonlySet<string>, fromFile: string, specifier: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  const candidates = [
    base,
    base.replace(/\.(m?js)$/, (_, ext: string) => (ext === 'mjs' ? '.mts' : '.ts')),
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
  ];
  return candidates.find((candidate) => files.has(candidate));
}

/** Strongly connected components of a directed graph (Tarjan), each in the order found. */
function stronglyConnected(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** The shortest path of imports from `start` back to itself, staying inside `members`. */
function shortestCycle(
  graph: ReadonlyMap<string, readonly string[]>,
  start: string,
  members: ReadonlySet<string>,
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const cycle = [node];
        while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0] as string) as string);
        return cycle;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

/** The import graph of one package's TypeScript files (paths relative to the package). */
export function packageImportGraph(root: string, packageDir: string): Map<string, string[]> {
  const sources = textFiles(path.join(root, packageDir), ['.'])
    .filter((file) => /\.(m?ts|tsx)$/.test(file.relativePath) && !file.relativePath.endsWith('.d.ts'))
    .map((file) => ({ ...file, relativePath: path.posix.normalize(file.relativePath) }));
  const names = new Set(sources.map((file) => file.relativePath));
  const graph = new Map<string, string[]>();
  for (const file of sources) {
    const targets = relativeSpecifiers(file.text)
      .map((specifier) => resolveInPackage(names, file.relativePath, specifier))
      .filter((target): target is string => target !== undefined);
    graph.set(file.relativePath, [...new Set(targets)].sort());
  }
  return graph;
}

/** Every import cycle among the files of each package in `packageDirs` (one per strongly connected group of files). */
export function importCycles(root: string, packageDirs: readonly string[]): ImportCycle[] {
  return packageDirs.flatMap((packageDir) => {
    if (!fs.existsSync(path.join(root, packageDir))) return [];
    const graph = packageImportGraph(root, packageDir);
    return stronglyConnected(graph)
      .filter(
        (component) =>
          component.length > 1 || (graph.get(component[0] as string) ?? []).includes(component[0] as string),
      )
      .map((component) => {
        const group = [...component].sort();
        return { packageDir, files: shortestCycle(graph, group[0] as string, new Set(component)), group };
      })
      .sort((a, b) => (a.files[0] as string).localeCompare(b.files[0] as string));
  });
}
