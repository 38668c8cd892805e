import { describe, expect, it } from 'vitest';
import { isAssistantError } from '../src/assistant-error';
import { canonicalSynonyms } from '../src/retrieval/lexical/domain-synonyms';
import { sameWord } from '../src/providers/local/fuzzy-words';
import { cappedSql } from '../src/tools/sql-tool';
import { withToolLimits } from '../src/tools/tool-limits';

/** A tool run that finishes only when its signal is aborted (it waits for the event, not for time). */
const untilAborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
  );

describe('tool limits', () => {
  it('stops a call after its timeout with tool-timeout', async () => {
    const ctx = { signal: new AbortController().signal, rowCap: 10, timeoutMs: 5 };
    await expect(withToolLimits('run_sql', ctx, untilAborted)).rejects.toSatisfy(
      (e: unknown) => isAssistantError(e) && e.kind === 'tool-timeout' && /5 ms/.test(e.message),
    );
  });

  it('stops a call when the caller aborts, with cancelled', async () => {
    const controller = new AbortController();
    const running = withToolLimits(
      'run_sql',
      { signal: controller.signal, rowCap: 10, timeoutMs: 60_000 },
      (signal) => {
        queueMicrotask(() => controller.abort());
        return untilAborted(signal);
      },
    );
    await expect(running).rejects.toSatisfy((e: unknown) => isAssistantError(e) && e.kind === 'cancelled');
  });

  it('caps a statement and refuses what is not one query', () => {
    expect(cappedSql('SELECT 1;', 10)).toBe('SELECT * FROM (\nSELECT 1\n) AS capped LIMIT 11');
    expect(() => cappedSql('-- hi\nDROP TABLE x', 10)).toThrow(/DROP statement/);
    expect(() => cappedSql('SELECT 1; DELETE FROM x', 10)).toThrow(/more than one statement/);
  });
});

describe('search words', () => {
  it('folds the shop synonyms to one form', () => {
    expect(canonicalSynonyms('Need a LOF and a tyre check')).toBe('need a oil change and a tire check');
    expect(canonicalSynonyms('brake job')).toBe('brake pad replacement');
    expect(canonicalSynonyms('A/C not cold')).toBe('ac not cold');
  });

  it('takes a typo for the word', () => {
    expect(sameWord('altern', 'alternat')).toBe(false);
    expect(sameWord('chnage', 'chang')).toBe(true);
    expect(sameWord('replacment', 'replac')).toBe(false);
    expect(sameWord('thermostat', 'thremostat')).toBe(true);
    expect(sameWord('sett', 'set')).toBe(true);
    expect(sameWord('brake', 'break')).toBe(false);
    expect(sameWord('stock', 'shock')).toBe(false);
  });
});
