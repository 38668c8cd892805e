import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveStateHome } from '@autocorp/config';
import { discoverCases } from './discover';
import { type CaseResult, resultsTable } from './report';

const { values } = parseArgs({
  options: {
    case: { type: 'string', multiple: true },
    scale: { type: 'string', default: '1' },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (values.help) {
  process.stdout.write(
    'Usage: npm run bench -- [--case <name>]... [--scale <n>] [--list]\n\nRuns the benchmark cases in tools/bench/cases and prints a table; results are also saved as JSON under <AUTOCORP_HOME>/bench/.\n',
  );
  process.exit(0);
}

const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0) {
  process.stderr.write(`error: --scale must be a number greater than 0, got "${values.scale}".\n`);
  process.exit(2);
}

const all = await discoverCases();
if (values.list) {
  for (const c of all) process.stdout.write(`${c.name.padEnd(28)} ${c.description}\n`);
  process.exit(0);
}
const wanted = values.case ?? all.map((c) => c.name);
const unknown = wanted.filter((w) => !all.some((c) => c.name === w));
if (unknown.length > 0) {
  process.stderr.write(`error: unknown bench case(s): ${unknown.join(', ')}. Known: ${all.map((c) => c.name).join(', ')}.\n`);
  process.exit(2);
}

const results: CaseResult[] = [];
for (const benchCase of all.filter((c) => wanted.includes(c.name))) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `autocorp-bench-${benchCase.name}-`));
  fs.chmodSync(workDir, 0o777);
  process.stderr.write(`> ${benchCase.name}: ${benchCase.description}\n`);
  try {
    const metrics = await benchCase.run({ scale, workDir, log: (line) => process.stderr.write(`  ${line}\n`) });
    results.push({ caseName: benchCase.name, metrics });
  } catch (error) {
    results.push({ caseName: benchCase.name, metrics: [], error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.stderr.write(`  FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, node ${process.version}`;
process.stdout.write(`\nBenchmarks at scale ${scale} on ${machine}, ${new Date().toISOString()}\n\n${resultsTable(results)}\n`);

const outDir = path.join(resolveStateHome().root, 'bench');
fs.mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(outFile, JSON.stringify({ date: new Date().toISOString(), machine, scale, results }, null, 2));
process.stdout.write(`\nSaved ${outFile}\n`);
process.exitCode = results.some((r) => r.error) ? 1 : 0;
