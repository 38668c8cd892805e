export { formatBytes, formatCount, formatDuration, formatRate, formatTable } from './format';
export { type Progress, type ProgressOptions, createProgress, progressWanted } from './progress';
export { type ProgressDrawerOptions, drawProgress } from './progress-drawer';
