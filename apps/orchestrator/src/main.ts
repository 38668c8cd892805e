import { runCli } from './cli/run-cli';
import { COMMANDS } from './commands/index';

const code = await runCli(process.argv.slice(2), COMMANDS, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
