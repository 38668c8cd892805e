import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { ChromiumError } from './chromium-error';

/** Debian's Chromium (.ci/run installs it), or CHROMIUM_PATH; playwright-core downloads no browser. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/** The flags of every headless Chromium the browser tests and the benchmarks start. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Fails before anything starts when there is no Chromium at `executable`, naming the fix. */
export function checkChromium(executable: string = chromiumPath()): void {
  if (!fs.existsSync(executable))
    throw new ChromiumError(
      'not-installed',
      `No Chromium at ${executable}: install Debian's chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.`,
    );
}

/** Headless Chromium at `executable` with CHROMIUM_FLAGS. */
export async function launchChromium(executable: string = chromiumPath()): Promise<Browser> {
  checkChromium(executable);
  try {
    return await chromium.launch({ executablePath: executable, args: [...CHROMIUM_FLAGS] });
  } catch (cause) {
    throw new ChromiumError(
      'launch-failed',
      `Chromium at ${executable} did not start (${(cause as Error).message.split('\n')[0]}): check that it runs (${executable} --version) or set CHROMIUM_PATH.`,
      { cause },
    );
  }
}
