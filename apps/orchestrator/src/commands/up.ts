import { type ConfigKey, resolvePlatformConfig } from '@autocorp/config';
import type { Command, ParsedValues } from '../cli/command';
import { CliError } from '../cli/cli-error';
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
    const { runLivePlatform } = await import('../platform/run-live-platform');
    return runLivePlatform(config, io);
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
