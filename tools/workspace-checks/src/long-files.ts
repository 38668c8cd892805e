import ts from 'typescript';
import { textFiles } from './workspace-files';

/** More lines of logic than this need a reason in the file's header comment. */
export const MAX_LOGIC_LINES = 300;

/** How a header comment gives the reason: "Longer than 300 lines because <reason>". */
export const LENGTH_REASON = /longer than 300 lines because\s+\S+(\s+\S+){3,}/i;

/** Test code and test helpers: not held to the limit (the files they test are). */
const TEST_PATH = /(^|\/)(test|tests|__tests__|testing)\/|\.(test|spec)\.tsx?$/;

export interface LongFile {
  /** Path relative to the root. */
  readonly file: string;
  readonly logicLines: number;
}

function isJsDoc(node: ts.Node): boolean {
  return node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;
}

/**
 * Lines that hold code: every line a token of the program touches (a multi-line string or template
 * counts each of its lines). Blank lines and lines that hold only comments do not count.
 */
export function logicLines(text: string, fileName = 'file.ts'): number {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const lines = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (isJsDoc(node)) return;
    const children = node.getChildren(source);
    if (children.length > 0) {
      children.forEach(visit);
      return;
    }
    if (node.kind === ts.SyntaxKind.EndOfFileToken) return;
    const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
    for (let line = first; line <= last; line += 1) lines.add(line);
  };
  visit(source);
  return lines.size;
}

/** The comments before the file's first line of code (a shebang line aside). */
export function headerComment(text: string): string {
  const body = text.replace(/^#!.*\n/, '');
  return (ts.getLeadingCommentRanges(body, 0) ?? []).map((range) => body.slice(range.pos, range.end)).join('\n');
}

/** Source files (not tests) under `entries` of `root` with more than MAX_LOGIC_LINES lines of logic and no reason in their header. */
export function unexplainedLongFiles(root: string, entries: readonly string[]): LongFile[] {
  return textFiles(root, entries)
    .filter(
      (file) =>
        /\.(m?ts|tsx)$/.test(file.relativePath) &&
        !file.relativePath.endsWith('.d.ts') &&
        !TEST_PATH.test(file.relativePath),
    )
    .map((file) => ({ file: file.relativePath, text: file.text, logicLines: logicLines(file.text, file.relativePath) }))
    .filter((file) => file.logicLines > MAX_LOGIC_LINES && !LENGTH_REASON.test(headerComment(file.text)))
    .map(({ file, logicLines: count }) => ({ file, logicLines: count }));
}
