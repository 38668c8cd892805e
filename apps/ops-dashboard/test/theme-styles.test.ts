/** The app's own stylesheet keeps only its layout: the colour tokens and base rules come from @autocorp/web-theme. */
import path from 'node:path';
import { appStylesheetProblems } from '@autocorp/web-theme';
import { expect, it } from 'vitest';

it('ops-dashboard styles import the shared theme first, set no token and repeat no theme declaration', () => {
  expect(appStylesheetProblems(path.resolve(import.meta.dirname, '..', 'src', 'app'))).toEqual([]);
});
