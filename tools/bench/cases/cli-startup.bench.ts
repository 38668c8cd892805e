import { spawn } from 'node:child_process';
import path from 'node:path';
import { findFreePort } from '@autocorp/source-db';
import { type BenchCase, type BenchContext, type BenchMetric, atMost, measured, percentile } from '../src/bench-case';
import { BenchError } from '../src/bench-error';
import { runCommand } from '../src/run-command';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'apps', 'orchestrator', 'bin', 'autocorp.mjs');
/** The CLI as it ran before it was built: its TypeScript sources through tsx, at every start. */
const FROM_SOURCE = ['--import', 'tsx', path.join(ROOT, 'apps', 'orchestrator', 'src', 'main.ts')];
const RUNS = 7;
const STARTUP_TARGET_MS = 300;
/** `autocorp run` at its default scale before the CLI was built (the hardening issue's figure). */
const RUN_BEFORE_S = 6.6;

/** Wall time of one whole `node <args>` process, from spawn to exit; fails on a non-zero exit. */
function processWallMs(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else
        reject(
          new BenchError(
            'command-failed',
            `node ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
    });
  });
}

/** Median wall time of RUNS whole-process runs (after one unmeasured run that warms the page cache). */
async function medianWallMs(args: readonly string[]): Promise<number> {
  await processWallMs(args);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await processWallMs(args));
  return percentile(times, 50);
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  context.log('building the CLI (npx nx run orchestrator:build, cached)');
  await runCommand('npx', ['nx', 'run', 'orchestrator:build', '--outputStyle=static'], {
    cwd: ROOT,
    env: { ...process.env, NX_DAEMON: 'false' },
  });

  const floor = await medianWallMs(['-e', '0']);
  const floorText = `node -e 0: ${floor.toFixed(0)} ms`;
  const metrics: BenchMetric[] = [measured('node -e 0 (the floor)', floor, 'ms')];
  for (const argv of [['--help'], ['query', '--list']]) {
    const label = `autocorp ${argv.join(' ')}`;
    context.log(`${label}: ${RUNS} runs built, ${RUNS} from the sources through tsx`);
    const built = await medianWallMs([BIN, ...argv]);
    const fromSource = await medianWallMs([...FROM_SOURCE, ...argv]);
    metrics.push(
      atMost(`${label}, built (median of ${RUNS})`, built, 'ms', STARTUP_TARGET_MS, {
        ratio: built / floor,
        baseline: `vs ${floorText}`,
      }),
    );
    metrics.push(
      measured(`${label}, sources through tsx (median of ${RUNS})`, fromSource, 'ms', {
        ratio: fromSource / built,
        baseline: 'vs built',
      }),
    );
  }

  // One pass at the CLI's own default scale (not the bench --scale), built and from the sources, each in a fresh state folder.
  const passSeconds = async (label: string, args: readonly string[]): Promise<number> => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AUTOCORP_HOME: path.join(context.workDir, label),
      AUTOCORP_PG_PORT: String(await findFreePort()),
      CI: 'true',
    };
    delete env.DATABASE_URL;
    delete env.LAKE_URI;
    context.log(`autocorp run at its default scale, ${label}`);
    return (await processWallMs([...args, 'run'], env)) / 1000;
  };
  const builtPass = await passSeconds('built', [BIN]);
  const sourcePass = await passSeconds('sources', FROM_SOURCE);
  metrics.push(
    atMost('autocorp run, default scale, built (one pass, fresh home)', builtPass, 's', RUN_BEFORE_S, {
      ratio: builtPass / sourcePass,
      baseline: `vs sources through tsx: ${sourcePass.toFixed(1)} s`,
    }),
  );
  return metrics;
}

const cliStartupCase: BenchCase = {
  name: 'cli-startup',
  description: `autocorp --help and query --list, built vs through tsx, beside node -e 0 (median of ${RUNS} whole-process runs); one autocorp run at its default scale`,
  run,
};

export default cliStartupCase;
