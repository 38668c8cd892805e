import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export { launchChromium } from '@autocorp/headless-chromium';

/** The folder screenshots are saved in (gitignored): test artifacts to look at. */
export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'artifacts', 'screenshots');

/** Saves a screenshot (the full page unless told) as artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
