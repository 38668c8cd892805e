/** The real Chromium of this machine (CHROMIUM_PATH or Debian's), started with the shared flags. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChromiumError, chromiumPath, launchChromium } from '../src/index';

describe('launchChromium', () => {
  it('starts headless Chromium that renders a page', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="x">rendered</p>');
      expect(await page.textContent('#x')).toBe('rendered');
      expect(await page.evaluate('navigator.userAgent')).toContain('HeadlessChrome'); // runs in the page
    } finally {
      await browser.close();
    }
  });

  it('names the missing Chromium and the fix', async () => {
    const missing = path.join(os.tmpdir(), `no-chromium-${process.pid}`);
    expect(fs.existsSync(missing)).toBe(false);
    const failed = await launchChromium(missing).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ChromiumError);
    expect(failed).toMatchObject({ kind: 'not-installed', message: expect.stringContaining('CHROMIUM_PATH') });
    expect((failed as Error).message).toContain(missing);
  });

  it('reads CHROMIUM_PATH', () => {
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome' })).toBe('/opt/chrome');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
  });
});
