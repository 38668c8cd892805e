import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { BenchError } from '../bench-error';

/** Debian's Chromium (.ci/run installs it), or CHROMIUM_PATH; playwright-core downloads no browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Fails before anything starts when there is no Chromium, naming the fix. */
export function checkChromium(): void {
  if (!fs.existsSync(CHROMIUM))
    throw new BenchError(
      'command-failed',
      `No Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH.`,
    );
}

/** Headless Chromium with the flags the benchmarks and browser tests use. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
