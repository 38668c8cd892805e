import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type GlueEnvironment,
  JOBS,
  SOURCE_FILE_COLUMN,
  UNREADABLE_STORAGE_CLASSES,
  glueCatalogSyncOptions,
  renderGlueScript,
} from '../src/index';

/** How the rendered Glue scripts read raw files and register their tables, checked with Python's own parser. */

const env: GlueEnvironment = {
  lakeUri: 's3://autocorp-lake-123/lake/',
  glueDatabase: 'autocorp',
  cdcSlot: 'autocorp_cdc',
  tempUri: 's3://autocorp-lake-123/tmp',
  scriptsUri: 's3://autocorp-lake-123/scripts',
};

const folder = mkdtempSync(path.join(tmpdir(), 'etl-jobs-glue-reads-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/**
 * Walks a script's syntax tree and prints, as JSON:
 * - `inputFileName`: each statement calling `input_file_name()` that does not read with `spark.read.parquet`
 *   (on a DynamicFrame's rows Glue leaves it empty);
 * - `fromOptions`: the connection option keys of every `create_dynamic_frame.from_options` call, with the
 *   JOB keys their attachFilename / excludeStorageClasses values name;
 * - `textFile`: each `sc.textFile` argument, with whether the function reading it checked the file names first;
 * - `bookmarkedReturn`: what `bookmarked_frame` returns.
 */
const WALKER = `
import ast, json, sys
tree = ast.parse(open(sys.argv[1]).read())
parents = {}
for node in ast.walk(tree):
    for child in ast.iter_child_nodes(node):
        parents[child] = node
def statement_of(node):
    while not isinstance(node, ast.stmt):
        node = parents[node]
    return node
def function_of(node):
    while not isinstance(node, ast.FunctionDef):
        node = parents[node]
    return node
def job_key(value):
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name) and value.value.id == "JOB":
        return value.slice.value
    return ast.unparse(value)
out = {"inputFileName": [], "fromOptions": [], "textFile": [], "bookmarkedReturn": None}
for node in ast.walk(tree):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        name = node.func.attr
        if name == "input_file_name":
            text = ast.unparse(statement_of(node))
            if "spark.read.parquet(" not in text:
                out["inputFileName"].append(text)
        if name == "from_options":
            options = next(k.value for k in node.keywords if k.arg == "connection_options")
            out["fromOptions"].append({k.value: job_key(v) for k, v in zip(options.keys, options.values)})
        if name == "textFile":
            function = function_of(node)
            out["textFile"].append({"function": function.name, "checked": "bookmarked_frame(" in ast.unparse(function) or "named_source_files(" in ast.unparse(function)})
    if isinstance(node, ast.FunctionDef) and node.name == "bookmarked_frame":
        last = node.body[-1]
        out["bookmarkedReturn"] = ast.unparse(last)
print(json.dumps(out))
`;

interface ScriptReads {
  readonly inputFileName: string[];
  readonly fromOptions: Record<string, string>[];
  readonly textFile: { function: string; checked: boolean }[];
  readonly bookmarkedReturn: string | null;
}

function readsOf(name: string, script: string): ScriptReads {
  const file = path.join(folder, `${name}.py`);
  writeFileSync(file, script);
  return JSON.parse(execFileSync('python3', ['-c', WALKER, file], { encoding: 'utf8' })) as ScriptReads;
}

/** A `NAME = json.loads("...")` assignment of a script, read back with Python's parser. */
function jobConfig(name: string, script: string): Record<string, unknown> {
  const file = path.join(folder, `${name}-config.py`);
  writeFileSync(file, script);
  const program = [
    'import ast, sys',
    'for n in ast.parse(open(sys.argv[1]).read()).body:',
    '    if isinstance(n, ast.Assign) and n.targets[0].id == "JOB":',
    '        print(n.value.args[0].value)',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', program, file], { encoding: 'utf8' })) as Record<string, unknown>;
}

describe('Glue script reads', () => {
  it.each(JOBS.map((j) => [j.name, j] as const))(
    '%s: names every raw row by its file without input_file_name() on a DynamicFrame',
    (name, job) => {
      const script = renderGlueScript(job, env);
      const reads = readsOf(name, script);
      const config = jobConfig(name, script);
      expect(reads.inputFileName).toEqual([]);
      for (const options of reads.fromOptions) {
        // Glue adds the file name column (attachFilename) and lists past Glacier objects instead of failing on them.
        expect(options).toMatchObject({
          attachFilename: 'source_file_column',
          excludeStorageClasses: 'unreadable_storage_classes',
        });
      }
      expect(config['source_file_column']).toBe(SOURCE_FILE_COLUMN);
      expect(config['unreadable_storage_classes']).toEqual([...UNREADABLE_STORAGE_CLASSES]);
      // A bookmarked frame is handed on only after every row was checked to name its file, so sc.textFile never gets "".
      expect(reads.bookmarkedReturn).toBe('return named_source_files(frame, path)');
      for (const call of reads.textFile) expect(call, call.function).toMatchObject({ checked: true });
    },
  );

  it('reads the raw files of at least one job both ways (bookmarked and CSV text), so the checks above see them', () => {
    const all = JOBS.map((job) => readsOf(`${job.name}-all`, renderGlueScript(job, env)));
    expect(all.some((reads) => reads.fromOptions.length > 0)).toBe(true);
    expect(all.some((reads) => reads.textFile.length > 0)).toBe(true);
  });

  it('registers each Hudi table with classification=hudi through the sync (Hudi reads key=value lines)', () => {
    for (const job of JOBS) {
      const lines = glueCatalogSyncOptions(job, env)['hoodie.datasource.hive_sync.table_properties'] ?? '';
      const properties = Object.fromEntries(lines.split('\n').map((line) => line.split('=', 2) as [string, string]));
      expect(properties, job.name).toMatchObject({ classification: 'hudi' });
    }
  });
});
