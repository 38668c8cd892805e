/** Where one job run's time went: milliseconds and DuckDB statements per phase, in the order first entered. */
export interface JobPhaseTimes {
  readonly [phase: string]: { readonly ms: number; readonly statements: number };
}

/**
 * Times a job run's phases: `enter(name)` ends the phase in progress and starts `name` (a phase
 * entered again adds to its total); `statements()` is read at each switch so that each phase also
 * counts the DuckDB statements it ran.
 */
export class JobPhaseClock {
  private readonly spent = new Map<string, { ms: number; statements: number }>();
  private current: { name: string; startedAt: number; statementsAt: number } | undefined;

  constructor(
    private readonly statements: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  enter(name: string): void {
    this.end();
    this.current = { name, startedAt: this.now(), statementsAt: this.statements() };
  }

  /** Ends the phase in progress (if any). */
  end(): void {
    const current = this.current;
    if (!current) return;
    this.current = undefined;
    const total = this.spent.get(current.name) ?? { ms: 0, statements: 0 };
    this.spent.set(current.name, {
      ms: total.ms + (this.now() - current.startedAt),
      statements: total.statements + (this.statements() - current.statementsAt),
    });
  }

  /** The phases so far (the one in progress up to now), milliseconds rounded to 0.1. */
  times(): JobPhaseTimes {
    const out: Record<string, { ms: number; statements: number }> = {};
    const add = (name: string, ms: number, statements: number) => {
      const before = out[name] ?? { ms: 0, statements: 0 };
      out[name] = { ms: before.ms + ms, statements: before.statements + statements };
    };
    for (const [name, t] of this.spent) add(name, t.ms, t.statements);
    const running = this.current;
    if (running) add(running.name, this.now() - running.startedAt, this.statements() - running.statementsAt);
    for (const t of Object.values(out)) t.ms = Math.round(t.ms * 10) / 10;
    return out;
  }
}
