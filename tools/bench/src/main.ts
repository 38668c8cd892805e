import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveStateHome } from '@autocorp/config';
import { BenchError } from './bench-error';
import { discoverCases } from './discover';
import { describeMachine, formatMachine } from './machine';
import { resultsMarkdown, resultsTable } from './report';
import { runCases } from './run-cases';
import { selectCases } from './select-cases';

const USAGE = `Usage: npm run bench -- [--case <name>]... [--scale <n>] [--list]

Runs the benchmark cases in tools/bench/cases (all, or those named with --case) at generator
scale <n> (default 1) and prints a table; results are also saved as JSON under <AUTOCORP_HOME>/bench/.
`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        case: { type: 'string', multiple: true },
        scale: { type: 'string', default: '1' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new BenchError('invalid-argument', `${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0)
    throw new BenchError('invalid-argument', `--scale must be a number greater than 0, got "${values.scale}".`);

  const all = await discoverCases();
  if (values.list) {
    for (const c of all) process.stdout.write(`${c.name.padEnd(28)} ${c.description}\n`);
    return 0;
  }
  const cases = selectCases(all, values.case);
  const before = describeMachine();
  const started = new Date();
  const results = await runCases({ cases, scale });
  const after = describeMachine();

  process.stdout.write(
    `\nBenchmarks at scale ${scale} on ${formatMachine(before)} (at the end: ${after.loadAverage.join(' / ')}), ${started.toISOString()}\n\n${resultsTable(results)}\n`,
  );
  const outDir = path.join(resolveStateHome().root, 'bench');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    outFile,
    JSON.stringify(
      { date: started.toISOString(), machine: before, loadAverageAtEnd: after.loadAverage, scale, results },
      null,
      2,
    ),
  );
  fs.writeFileSync(outFile.replace(/\.json$/, '.md'), resultsMarkdown(results));
  process.stdout.write(`\nSaved ${outFile} (and the tables as Markdown beside it)\n`);
  return results.some((r) => r.error) ? 1 : 0;
}

// Exit explicitly: a case that leaves a handle open (a socket, a timer) must not keep the run alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
