/** One line the reader rejected, placed in its file and explained. */
export interface RejectedLine {
  readonly file: string;
  readonly unit: number;
  readonly line: number;
  readonly text: string;
  readonly column: string | undefined;
  readonly reason: string;
}
