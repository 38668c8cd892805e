import { DEFAULT_CDC_SLOT } from '@autocorp/lake-storage';
import { CliError } from '../cli/cli-error';
import type { Command } from '../cli/command';
import { numberOption } from '../cli/option-values';
import { CDC_COMMON_OPTIONS } from './cdc/cdc-options';

/** The port `autocorp serve` listens on unless told otherwise. */
export const DEFAULT_SERVE_PORT = 4000;

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const serveCommand: Command = {
  path: ['serve'],
  summary: 'Serve the platform HTTP API over the existing lake, with nothing running (autocorp up serves it live)',
  description: [
    'Read-only: status, CDC, ETL runs and quarantined rows, tables and Hudi timelines, queries with time travel, metrics history, live events (/api/events), the assistant (POST /api/chat; provider from assistant.* in autocorp.config.json or AUTOCORP_ASSISTANT_*).',
    'The OpenAPI 3.1 document is at /openapi.json. Source counts and the slot status need DATABASE_URL. Ctrl-C stops it.',
  ].join('\n'),
  options: {
    port: {
      type: 'string',
      default: String(DEFAULT_SERVE_PORT),
      valueName: '<n>',
      description: 'Port (0 picks a free one)',
    },
    host: {
      type: 'string',
      default: '127.0.0.1',
      valueName: '<host>',
      description: 'Address to bind (default this machine only)',
    },
    ...CDC_COMMON_OPTIONS,
  },
  async run(values, _positionals, io) {
    const port = numberOption(values.port, 'port', { integer: true, min: 0 });
    if (port > 65_535) throw new CliError('usage', `--port must be at most 65535, got ${port}.`);
    // Loaded here: the HTTP server's packages load only for this command.
    const { serveLake } = await import('../api/serve-lake');
    const server = await serveLake(io, {
      lake: typeof values.lake === 'string' ? values.lake : undefined,
      slot: String(values.slot ?? DEFAULT_CDC_SLOT),
      host: String(values.host),
      port,
    });
    io.stdout.write(
      `Platform API on ${server.url} (OpenAPI: ${server.url}/openapi.json), ops dashboard on ${server.url}/, chat on ${server.url}/chat/; Ctrl-C stops it\n`,
    );
    const signal = await untilStopped();
    io.stderr.write(`${signal}: stopping the API\n`);
    await server.close();
  },
};
