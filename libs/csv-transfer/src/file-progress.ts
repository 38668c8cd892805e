import { type Progress, createProgress } from '@autocorp/terminal';

export interface ProgressSettings {
  /** Force progress on or off; by default it shows on an interactive terminal outside CI. */
  readonly enabled?: boolean;
  readonly stream?: NodeJS.WriteStream;
}

/** A byte progress line (bytes, rate, ETA) for one file. */
export function fileProgress(label: string, totalBytes: number, settings: ProgressSettings): Progress {
  return createProgress({
    label,
    total: totalBytes,
    unit: 'bytes',
    ...(settings.enabled !== undefined ? { enabled: settings.enabled } : {}),
    ...(settings.stream !== undefined ? { stream: settings.stream } : {}),
  });
}
