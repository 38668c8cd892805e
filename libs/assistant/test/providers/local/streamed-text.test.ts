import { describe, expect, it } from 'vitest';
import { isAssistantError } from '../../../src/assistant-error';
import { StreamedText } from '../../../src/providers/local/answers/streamed-text';

describe('StreamedText (the local provider text as it becomes known)', () => {
  it('sends each piece when it is said and the rest of the final text on finish', () => {
    const deltas: string[] = [];
    const text = new StreamedText((delta) => deltas.push(delta));
    const opening = 'Orders in May 2025: ';
    text.say(opening);
    expect(deltas).toEqual([opening]);
    text.say('');
    expect(deltas).toEqual([opening]);
    const final = `${opening}1,234 with revenue $5.00.`;
    text.finish(final);
    expect(deltas).toEqual([opening, final.slice(opening.length)]);
    expect(deltas.join('')).toBe(final);
  });

  it('sends the whole text at once when nothing was said before', () => {
    const deltas: string[] = [];
    new StreamedText((delta) => deltas.push(delta)).finish("I can't answer that from the data.");
    expect(deltas).toEqual(["I can't answer that from the data."]);
  });

  it('refuses to finish with a text that does not begin with what was said', () => {
    const deltas: string[] = [];
    const text = new StreamedText((delta) => deltas.push(delta));
    text.say('Top 5 parts');
    let thrown: unknown;
    try {
      text.finish('No parts were sold in May 2025.');
    } catch (error) {
      thrown = error;
    }
    expect(isAssistantError(thrown) && thrown.kind).toBe('provider-failed');
    expect(String((thrown as Error).message)).toMatch(/Top 5 parts/);
    expect(deltas).toEqual(['Top 5 parts']);
  });
});
