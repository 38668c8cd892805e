/** What the signal handling needs of `process`; tests pass an EventEmitter. */
export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface StopSignals {
  /** Resolves with the first SIGINT or SIGTERM. */
  readonly requested: Promise<'SIGINT' | 'SIGTERM'>;
  /** Stops listening. */
  dispose(): void;
}

/**
 * The first SIGINT/SIGTERM asks for a clean stop (`requested`); a second one calls `force` (exit
 * at once: what the stop had not saved is recovered at the next start).
 */
export function listenForStop(source: SignalSource, force: (signal: string) => void): StopSignals {
  let count = 0;
  let resolve: (signal: 'SIGINT' | 'SIGTERM') => void = () => undefined;
  const requested = new Promise<'SIGINT' | 'SIGTERM'>((r) => (resolve = r));
  const onInt = () => handle('SIGINT');
  const onTerm = () => handle('SIGTERM');
  function handle(signal: 'SIGINT' | 'SIGTERM') {
    count += 1;
    if (count === 1) resolve(signal);
    else force(signal);
  }
  source.on('SIGINT', onInt);
  source.on('SIGTERM', onTerm);
  return {
    requested,
    dispose() {
      source.off('SIGINT', onInt);
      source.off('SIGTERM', onTerm);
    },
  };
}
