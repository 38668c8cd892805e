export { SimulatorError, type SimulatorErrorKind } from './simulator-error';
export { type SimulatorClock, VirtualClock, systemClock } from './simulator-clock';
export { OrderSimulator, runSimulation } from './order-simulator';
export { type SimulatorOptions } from './simulator-options';
export { DEFAULT_OPERATION_WEIGHTS, OPERATION_KINDS, type OperationKind } from './operation-kinds';
export { NEXT_STATUS, OPEN_STATUSES, type OrderStatus, isAllowedTransition } from './order-lifecycle';
export type {
  SimulationSummary,
  SimulatorCounts,
  SimulatorEvent,
  SimulatorListener,
  StopReason,
} from './simulator-events';
export { APPLICATION_NAME, type SimulatorConnection } from './database-session';
