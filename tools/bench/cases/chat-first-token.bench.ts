import path from 'node:path';
import type { Browser } from 'playwright-core';
import { type BenchCase, type BenchContext, type BenchMetric, atMost, measured, percentile } from '../src/bench-case';
import { BenchError } from '../src/bench-error';
import { checkChromium, launchChromium } from '../src/dashboard/chromium';
import { startUp } from '../src/dashboard/up-process';
import { timed } from '../src/timing';

const ASKS = 20;
const FIRST_TOKEN_TARGET_MS = 300;
/** The two questions; the rest are the app's own starters (taken from the data by the API). */
const QUESTIONS = ['What parts are needed for an oil change?', 'What are our top-selling parts this month?'];

interface Ask {
  /** From the Enter key until the answer's first streamed text is in the page. */
  readonly firstTokenMs: number;
  /** From the Enter key until the first streamed event of any kind (a tool call) is in the page. */
  readonly firstEventMs: number;
  /** From the Enter key until the whole answer (table, SQL) is drawn. */
  readonly answerMs: number;
  readonly status: string;
}

/**
 * Runs in the page (a string: this package has no DOM types): starts the clock at the Enter key,
 * notes when the first turn's answer text has its first streamed characters, resolves when it is done.
 */
const TIME_IN_PAGE = `new Promise((resolve) => {
  let start = 0;
  let first = 0;
  let firstEvent = 0;
  document.addEventListener('keydown', () => (start = performance.now()), { capture: true, once: true });
  const observer = new MutationObserver(() => {
    const text = document.querySelector('[data-testid="answer-text"]');
    if (!first && Number(text?.getAttribute('data-chars') ?? 0) > 0) first = performance.now();
    const turn = document.querySelector('[data-testid="turn"]');
    if (!firstEvent && Number(turn?.getAttribute('data-events') ?? 0) > 0) firstEvent = performance.now();
    const status = turn?.getAttribute('data-status');
    if (start && (status === 'done' || status === 'failed')) {
      observer.disconnect();
      const now = performance.now();
      resolve({ firstTokenMs: (first || now) - start, firstEventMs: (firstEvent || now) - start, answerMs: now - start, status });
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})`;

/** Asks one question in a fresh page (a new conversation), timed in the page from the Enter key. */
async function ask(browser: Browser, url: string, question: string): Promise<Ask> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.getByTestId('provider').waitFor();
    const box = page.getByLabel(/Your question/);
    await box.fill(question);
    const timing = page.evaluate<Ask>(TIME_IN_PAGE);
    await box.press('Enter');
    const result = await timing;
    if (result.status !== 'done')
      throw new BenchError('command-failed', `The chat did not answer "${question}" (${result.status}).`);
    return result;
  } finally {
    await context.close();
  }
}

async function starters(browser: Browser, url: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.getByTestId('starters').waitFor();
    return await page.getByTestId('starters').locator('button').allTextContents();
  } finally {
    await page.close();
  }
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  checkChromium();
  const { seconds: startSeconds, result: up } = await timed(() =>
    startUp(path.join(context.workDir, 'home'), context.scale, context.log),
  );
  const browser = await launchChromium();
  const url = `${up.url}/chat/`;
  try {
    const questions = [...QUESTIONS, ...(await starters(browser, url))];
    await ask(browser, url, questions[0] as string); // warms the assistant (knowledge base) and the page cache
    const asks: Ask[] = [];
    for (let i = 0; i < ASKS; i++) {
      const question = questions[i % questions.length] as string;
      const timing = await ask(browser, url, question);
      context.log(
        `chat: "${question}" first text ${timing.firstTokenMs.toFixed(0)} ms, first event ${timing.firstEventMs.toFixed(0)} ms, answer ${timing.answerMs.toFixed(0)} ms`,
      );
      asks.push(timing);
    }
    const p = (pick: (a: Ask) => number, q: number) => percentile(asks.map(pick), q);
    const first = p((a) => a.firstTokenMs, 95);
    context.log(
      `chat: first streamed text p50 ${p((a) => a.firstTokenMs, 50).toFixed(0)} / p95 ${first.toFixed(0)} ms, first event p95 ${p((a) => a.firstEventMs, 95).toFixed(0)} ms, whole answer p95 ${p((a) => a.answerMs, 95).toFixed(0)} ms`,
    );
    return [
      measured('autocorp up start (generate, load, ETL, crawl)', startSeconds, 's'),
      atMost(`time to first streamed token in Chromium, p95 of ${ASKS}`, first, 'ms', FIRST_TOKEN_TARGET_MS),
      measured(
        `time to first streamed token, p50 of ${ASKS}`,
        p((a) => a.firstTokenMs, 50),
        'ms',
      ),
      measured(
        `time to the first streamed event (a tool call shown), p95 of ${ASKS}`,
        p((a) => a.firstEventMs, 95),
        'ms',
      ),
      measured(
        `time to the whole answer drawn, p95 of ${ASKS}`,
        p((a) => a.answerMs, 95),
        'ms',
      ),
    ];
  } finally {
    await browser.close();
    await up.stop();
  }
}

const chatFirstToken: BenchCase = {
  name: 'chat-first-token',
  description:
    "The chat app in headless Chromium over a real autocorp up at the bench scale: from the Enter key to the answer's first streamed text, p95 of 20 questions (each a new conversation)",
  run,
};
export default chatFirstToken;
