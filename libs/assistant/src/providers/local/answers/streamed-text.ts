import { AssistantError } from '../../../assistant-error';

/**
 * The local provider's answer text as it becomes known: each piece goes out as a `text-delta` when it
 * is said, and `finish` sends the rest of the final text. Only say what the final text will start with
 * (an opening known from the intent, the entities and the time range, then each result's lines).
 */
export class StreamedText {
  private said = '';

  constructor(private readonly emit: (text: string) => void) {}

  /** Sends the next piece of the answer now. */
  say(piece: string): void {
    if (piece === '') return;
    this.said += piece;
    this.emit(piece);
  }

  /** Sends what the final text adds to what was said, so the deltas concatenate to `text`. */
  finish(text: string): void {
    if (!text.startsWith(this.said))
      throw new AssistantError(
        'provider-failed',
        `The local provider streamed "${this.said}", which does not begin its answer "${text}"; its answer writer must only stream the answer's opening.`,
      );
    this.say(text.slice(this.said.length));
  }
}
