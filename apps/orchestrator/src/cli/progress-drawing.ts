import { drawProgress } from '@autocorp/terminal';
import type { CommandIo } from './command';

/**
 * The `onProgress` a command hands to the libraries: their progress events drawn as bars (rows,
 * rate, ETA) on the command's stderr when that is an interactive terminal outside CI; else nothing.
 */
export function commandProgress(io: CommandIo): ReturnType<typeof drawProgress> {
  return drawProgress({ stream: io.stderr, env: io.env });
}
