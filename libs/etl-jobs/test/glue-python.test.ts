import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EtlJobsError,
  GLUE_DRIVER_FILE,
  GLUE_RULES_FILE,
  type GlueEnvironment,
  JOBS,
  glueJobConfig,
  gluePythonDir,
  isRowRule,
  renderGlueScript,
  rowRuleColumns,
  rowRulePasses,
} from '../src/index';
import { inlineGlueRules } from '../src/glue/glue-python-source';

/** The Python modules of the Glue script: compiled, unit-tested with python3 -m unittest, inlined into each job's script. */

const env: GlueEnvironment = {
  lakeUri: 's3://autocorp-lake-123/lake/',
  glueDatabase: 'autocorp',
  cdcSlot: 'autocorp_cdc',
  tempUri: 's3://autocorp-lake-123/tmp',
  scriptsUri: 's3://autocorp-lake-123/scripts',
};

const folder = mkdtempSync(path.join(tmpdir(), 'etl-jobs-glue-python-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
/** Byte code goes to the temporary folder, never next to the sources. */
const pythonEnv = { ...process.env, PYTHONPYCACHEPREFIX: path.join(folder, 'pycache'), PYTHONDONTWRITEBYTECODE: '1' };

function python(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('python3', args, { cwd: gluePythonDir(), env: pythonEnv, encoding: 'utf8', input });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The top-level names a script defines with `def`, and the modules it imports from. */
function definitionsOf(file: string): { functions: string[]; importsFrom: string[] } {
  const program = [
    'import ast, json, sys',
    'tree = ast.parse(open(sys.argv[1]).read())',
    'functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]',
    'imports = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]',
    'print(json.dumps({"functions": functions, "importsFrom": imports}))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', program, file], { encoding: 'utf8', env: pythonEnv })) as {
    functions: string[];
    importsFrom: string[];
  };
}

describe('Glue Python modules', () => {
  it('passes its unit tests (python3 -m unittest)', () => {
    const run = python(['-m', 'unittest', 'discover', '--start-directory', '.', '--pattern', 'test_*.py', '--verbose']);
    expect(run.status, run.stderr).toBe(0);
    const ran = Number(/^Ran (\d+) tests?/m.exec(run.stderr)?.[1] ?? 0);
    expect(ran, run.stderr).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/^OK$/m);
  });

  it('compiles both modules (python3 -m py_compile)', () => {
    for (const file of [GLUE_DRIVER_FILE, GLUE_RULES_FILE]) {
      const run = python(['-m', 'py_compile', file]);
      expect(run.status, `${file}: ${run.stderr}`).toBe(0);
    }
  });

  it('keeps Spark and AWS out of the helpers, so they run without Glue', () => {
    const helpers = definitionsOf(path.join(gluePythonDir(), GLUE_RULES_FILE));
    expect(helpers.functions.length).toBeGreaterThan(0);
    expect(helpers.importsFrom.filter((module) => /^(pyspark|awsglue|awsgluedq|boto3)/.test(module))).toEqual([]);
    const imports =
      readFileSync(path.join(gluePythonDir(), GLUE_RULES_FILE), 'utf8').match(/^(import|from) \S+/gm) ?? [];
    expect(imports.filter((line) => /pyspark|awsglue|boto3/.test(line))).toEqual([]);
  });

  it.each(JOBS.map((j) => [j.name, j] as const))(
    'inlines the helpers into the one-file script of %s, each defined once',
    (name, job) => {
      const script = renderGlueScript(job, env);
      const file = path.join(folder, `${name}.py`);
      writeFileSync(file, script);
      const rendered = definitionsOf(file);
      const helpers = definitionsOf(path.join(gluePythonDir(), GLUE_RULES_FILE));
      const driver = definitionsOf(path.join(gluePythonDir(), GLUE_DRIVER_FILE));
      expect(rendered.importsFrom).not.toContain('glue_job_rules');
      expect(driver.importsFrom).toContain('glue_job_rules');
      expect([...rendered.functions].sort()).toEqual([...helpers.functions, ...driver.functions].sort());
      expect(script).toContain(readFileSync(path.join(gluePythonDir(), GLUE_RULES_FILE), 'utf8').trimEnd());
    },
  );

  it('refuses a driver that does not import the helpers exactly once', () => {
    const driver = readFileSync(path.join(gluePythonDir(), GLUE_DRIVER_FILE), 'utf8');
    const importBlock = /^from glue_job_rules import \([^)]*\)\n/m.exec(driver)?.[0] ?? '';
    expect(importBlock).not.toBe('');
    for (const broken of [driver.replace(importBlock, ''), driver.replace(importBlock, importBlock + importBlock)]) {
      expect(() => inlineGlueRules(broken, 'X = 1\n')).toThrow(EtlJobsError);
    }
    expect(inlineGlueRules(driver, 'X = 1\n')).toContain('\nX = 1\n');
  });

  it('writes every field of a quarantine record, column_name from the tested helper', () => {
    const program = [
      'import ast, json',
      'from glue_job_rules import QUARANTINE_RECORD_FIELDS',
      `tree = ast.parse(open(${JSON.stringify(GLUE_DRIVER_FILE)}).read())`,
      'write = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "write_quarantine")',
      'fields = next(n.value for n in ast.walk(write) if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and n.targets[0].id == "fields")',
      'main = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main")',
      'calls = [ast.unparse(n.func) for n in ast.walk(main) if isinstance(n, ast.Call)]',
      'print(json.dumps({"record": list(QUARANTINE_RECORD_FIELDS), "written": [k.value for k in fields.keys], "source": ast.unparse(write), "mainCalls": calls}))',
    ].join('\n');
    const run = python(['-c', program]);
    expect(run.status, run.stderr).toBe(0);
    const driver = JSON.parse(run.stdout) as {
      record: string[];
      written: string[];
      source: string;
      mainCalls: string[];
    };
    expect(driver.record).toContain('column_name');
    expect([...driver.written].sort()).toEqual([...driver.record].sort());
    expect(driver.source).toContain('quarantine_column_name(rules[rule], unparsed)');
    expect(driver.source).toContain('for name in QUARANTINE_RECORD_FIELDS');
    expect(driver.mainCalls).toContain('write_quarantine');
  });

  it('decides row rules as the local runner does (rowRulePasses), over seeded random counts', () => {
    const seed = Number(process.env['GLUE_RULES_SEED'] ?? Date.now() % 2 ** 31);
    console.log(`glue-python row-rule seed ${seed}`);
    let state = seed;
    const next = (below: number) => {
      state = (Math.imul(state, 1103515245) + 12345) % 2 ** 31;
      return Math.abs(state) % below;
    };
    const jobRules = JOBS.flatMap((job) => job.rules.filter(isRowRule));
    const rendered = JOBS.flatMap((job) => glueJobConfig(job).row_rules);
    // Every rule, once as defined and once with a random ratio and allowance, each against random counts.
    const variants = jobRules.flatMap((rule, i) => {
      const varied = { ...rule, minPassRatio: next(101) / 100, allowedFailures: next(5) };
      return [
        { rule, json: rendered[i] },
        {
          rule: varied,
          json: { ...rendered[i], min_pass_ratio: varied.minPassRatio, allowed_failures: varied.allowedFailures },
        },
      ];
    });
    const cases = variants.flatMap((variant) =>
      Array.from({ length: 20 }, () => {
        const checked = next(4) === 0 ? 0 : 1 + next(200);
        return { ...variant, checked, failed: next(checked + 1) };
      }),
    );
    const program = [
      'import json, sys',
      'from glue_job_rules import row_rule_passes',
      'print(json.dumps([row_rule_passes(c["json"], c["failed"], c["checked"]) for c in json.load(sys.stdin)]))',
    ].join('\n');
    const run = python(['-c', program], JSON.stringify(cases));
    expect(run.status, run.stderr).toBe(0);
    const decided = JSON.parse(run.stdout) as boolean[];
    const expected = cases.map((c) => rowRulePasses(c.rule, c.failed, c.checked));
    expect(expected.some((passes) => passes)).toBe(true);
    expect(expected.some((passes) => !passes)).toBe(true);
    expect(decided, `seed ${seed}`).toEqual(expected);
  });

  it('names in each quarantine record the column(s) of its rule, and for a parses rule the fields that did not parse', () => {
    const rules = JOBS.flatMap((job) => glueJobConfig(job).row_rules);
    // Each rendered rule next to the definition it came from (rule names are unique within a job, not across jobs).
    const definitions = JOBS.flatMap((job) => job.rules.filter(isRowRule));
    expect(definitions.map((rule) => rule.name)).toEqual(rules.map((rule) => rule.name));
    expect(rules.some((rule) => rule.kind === 'parses')).toBe(true);
    expect(rules.some((rule) => rule.columns.length > 0)).toBe(true);
    // The typed fields of a CSV source, as _unparsed_columns names them when none of them parsed.
    const csv = JOBS.flatMap((job) => job.sources).find((source) => source.kind === 'csv');
    const unparsed = (csv?.columns ?? [])
      .filter((column) => column.type !== 'STRING')
      .map((column) => column.name)
      .join(',');
    expect(unparsed).not.toBe('');
    const program = [
      'import json, sys',
      'from glue_job_rules import quarantine_column_name',
      'rules = json.load(sys.stdin)',
      `print(json.dumps([quarantine_column_name(rule, ${JSON.stringify(unparsed)}) for rule in rules]))`,
    ].join('\n');
    const run = python(['-c', program], JSON.stringify(rules));
    expect(run.status, run.stderr).toBe(0);
    const columnNames = JSON.parse(run.stdout) as (string | null)[];
    definitions.forEach((definition, i) => {
      const expected = definition.kind === 'parses' ? unparsed : rowRuleColumns(definition).join(',') || null;
      expect(columnNames[i], definition.name).toBe(expected);
    });
  });
});
