import { renderProgressLine } from './progress-line';

export interface ProgressOptions {
  /** What is being counted, shown first: "sales_orders.csv". */
  readonly label: string;
  /** Expected total, for the bar and the ETA; omit when unknown. */
  readonly total?: number;
  /** Unit of the counter, default "rows". */
  readonly unit?: string;
  /** Where to draw; defaults to stderr. */
  readonly stream?: NodeJS.WriteStream;
  /** Force on or off; by default shown only on an interactive terminal outside CI. */
  readonly enabled?: boolean;
}

export interface Progress {
  /** Adds to the counter. */
  tick(delta: number): void;
  /** Sets the counter. */
  set(value: number): void;
  /** Draws the final state and a newline (or nothing when disabled). */
  finish(): void;
  readonly value: number;
}

const REDRAW_INTERVAL_MS = 100;

/** True on an interactive terminal outside CI; progress is drawn only then. */
export function progressWanted(
  stream: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return Boolean(stream.isTTY) && !ci && env.AUTOCORP_NO_PROGRESS === undefined;
}

/** A progress line with count, rate and ETA, redrawn at most ten times a second. */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const enabled = options.enabled ?? progressWanted(stream);
  const unit = options.unit ?? 'rows';
  const started = performance.now();
  let value = 0;
  let lastDraw = 0;
  let finished = false;

  const render = (): string =>
    renderProgressLine({
      label: options.label,
      value,
      total: options.total,
      unit,
      elapsedSeconds: (performance.now() - started) / 1000,
    });

  const draw = (force: boolean) => {
    if (!enabled || finished) return;
    const now = performance.now();
    if (!force && now - lastDraw < REDRAW_INTERVAL_MS) return;
    lastDraw = now;
    stream.write(`\r\x1b[2K${render()}`);
  };

  return {
    tick(delta) {
      value += delta;
      draw(false);
    },
    set(v) {
      value = v;
      draw(false);
    },
    finish() {
      draw(true);
      if (enabled && !finished) stream.write('\n');
      finished = true;
    },
    get value() {
      return value;
    },
  };
}
