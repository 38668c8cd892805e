import { type ConfigKey, type PlatformConfig, resolvePlatformConfig, resolveStateHome } from '@autocorp/config';
import type { Command, CommandIo, ParsedValues } from '../cli/command';
import { CliError } from '../cli/cli-error';
import { startApiServer } from '../api/start-api-server';
import { consoleReporter } from '../platform/console-reporter';
import { startPlatform } from '../platform/start-platform';
import { listenForStop } from '../platform/stop-signals';
import { runCommand } from './run';

/** Flags of `up` that set a configuration key (they win over the environment and the config file). */
const FLAG_KEYS: Readonly<Record<string, ConfigKey>> = {
  simulate: 'simulator.ordersPerSecond',
  seed: 'simulator.seed',
  scale: 'scale',
  port: 'api.port',
};

export const upCommand: Command = {
  path: ['up'],
  summary: 'Run the live platform: continuous CDC, micro-batch ETL, CSV folder watch and the platform API (npm start)',
  description:
    'Starts or reuses the embedded PostgreSQL (or DATABASE_URL), migrates, generates data only when the database is empty, transfers the CSV exports, takes the full load, runs the ETL jobs and crawls once; then keeps the curated tables fresh: CDC streams continuously, ETL micro-batches run when new raw files are committed, CSV files dropped into the watched folder are transferred and processed, the crawlers rerun when a schema changes. Ctrl-C (SIGINT/SIGTERM) stops cleanly and the next start resumes; a second Ctrl-C forces. Configuration: autocorp.config.json and AUTOCORP_* variables (docs/running.md).',
  options: {
    simulate: {
      type: 'string',
      valueName: '<orders/s>',
      description: 'Write simulated orders to PostgreSQL at this rate (simulator.ordersPerSecond)',
    },
    seed: { type: 'string', valueName: '<n>', description: "The simulator's seed (simulator.seed)" },
    scale: { type: 'string', valueName: '<n>', description: 'Generator scale when the database is empty (scale)' },
    port: { type: 'string', valueName: '<n>', description: 'Port of the platform API (api.port; 0 = any free port)' },
    once: { type: 'boolean', description: 'Run one pass and exit (the same as `autocorp run`)' },
  },
  async run(values, _positionals, io) {
    const config = resolvePlatformConfig({ env: io.env, cwd: io.cwd, flags: flagsOf(values) });
    if (values.once === true) {
      if (values.simulate !== undefined)
        throw new CliError('usage', '--once runs one pass and exits; it cannot --simulate. Drop one of them.');
      return runCommand.run({ scale: String(config.scale), seed: String(config.seed) }, [], io);
    }
    return runUp(config, io);
  },
};

function flagsOf(values: ParsedValues): Partial<Record<ConfigKey, { flag: string; value: string }>> {
  const flags: Partial<Record<ConfigKey, { flag: string; value: string }>> = {};
  for (const [flag, key] of Object.entries(FLAG_KEYS)) {
    const value = values[flag];
    if (typeof value === 'string') flags[key] = { flag, value };
  }
  return flags;
}

async function runUp(config: PlatformConfig, io: CommandIo): Promise<number> {
  const home = resolveStateHome(io.env, io.cwd);
  const log = (line: string) => io.stdout.write(`${new Date().toISOString()} ${line}\n`);
  const signals = listenForStop(process, (signal) => {
    io.stderr.write(`\n${signal} again: stopping at once (the next start recovers what was not saved)\n`);
    process.exit(130);
  });
  try {
    log(
      `AutoCorp Lakehouse: starting the live platform, ${config.profile} profile, state in ${home.root}${config.file ? `, config ${config.file}` : ''}`,
    );
    const reporter = consoleReporter(io);
    const starting = startPlatform({ io, config, home, log, onEvent: reporter.onEvent });
    const early = await Promise.race([starting.then(() => undefined), signals.requested]);
    const platform = await starting;
    if (early !== undefined) {
      log(`${early} during start-up: stopping now that start-up finished (Ctrl-C again forces)`);
      await platform.stop();
      return 0;
    }
    let api;
    try {
      api = await startApiServer({
        runtime: platform.runtime,
        host: config.api.host,
        port: config.api.port,
        onError: (error) => log(`api: ${error.message}`),
      });
    } catch (error) {
      await platform.stop();
      throw new CliError(
        'usage',
        `the platform API could not listen on ${config.api.host}:${config.api.port} (${(error as Error).message}). Set api.port in autocorp.config.json or AUTOCORP_API_PORT (or --port) to a free port, 0 for any.`,
        { cause: error },
      );
    }
    log(
      `platform API on ${api.url} (status ${api.url}/api/status, live events ${api.url}/api/events, OpenAPI ${api.url}/openapi.json)`,
    );
    log(`ops dashboard on ${api.url}/`);
    log(`watching ${platform.watchedFolder} for CSV exports`);
    log('platform running; Ctrl-C stops it');
    reporter.startLiveLine();
    const signal = await signals.requested;
    reporter.stop();
    log(`${signal}: stopping (the current micro-batch finishes, CDC stores its position; Ctrl-C again forces)`);
    await api.close();
    await platform.stop();
    log('stopped; the next start resumes from here');
    return 0;
  } finally {
    signals.dispose();
  }
}
