import { ChromiumError, checkChromium as checkInstalled } from '@autocorp/headless-chromium';
import { BenchError } from '../bench-error';

export { launchChromium } from '@autocorp/headless-chromium';

/** Fails before anything starts when there is no Chromium, naming the fix. */
export function checkChromium(): void {
  try {
    checkInstalled();
  } catch (error) {
    if (error instanceof ChromiumError) throw new BenchError('command-failed', error.message, { cause: error });
    throw error;
  }
}
