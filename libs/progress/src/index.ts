export {
  PROGRESS_STAGES,
  type ProgressEvent,
  type ProgressListener,
  type ProgressPhase,
  type ProgressStage,
  type ProgressUnit,
} from './progress-event';
export { type ProgressTask, type ProgressTaskStart, startProgress } from './progress-task';
