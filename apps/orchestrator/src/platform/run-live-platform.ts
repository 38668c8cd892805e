import { type PlatformConfig, resolveStateHome } from '@autocorp/config';
import { startApiServer } from '../api/start-api-server';
import { CliError } from '../cli/cli-error';
import type { CommandIo } from '../cli/command';
import { consoleReporter } from './console-reporter';
import { startPlatform } from './start-platform';
import { listenForStop } from './stop-signals';

/**
 * `autocorp up` after its configuration is checked: starts the platform and its API, reports on the
 * console, and stops cleanly on the first SIGINT/SIGTERM (a second one exits at once). Loaded only
 * when `up` runs (the HTTP server's packages stay out of the other commands).
 */
export async function runLivePlatform(config: PlatformConfig, io: CommandIo): Promise<number> {
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
        chat: config.assistant,
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
      `platform API on ${api.url} (status ${api.url}/api/status, live events ${api.url}/api/events, chat ${api.url}/api/chat with the ${config.assistant.provider} provider, OpenAPI ${api.url}/openapi.json)`,
    );
    log(`ops dashboard on ${api.url}/`);
    log(`chat on ${api.url}/chat/`);
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
