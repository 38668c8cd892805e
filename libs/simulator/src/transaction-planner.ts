import {
  ExactLineAllocator,
  OrderDraft,
  OrderDrafter,
  Random,
  SCALE_1,
  WeightedPicker,
  customerPicker,
} from '@autocorp/generator';
import { FALLBACK_KIND, OPERATION_KINDS, type OperationKind } from './operation-kinds';
import { planLineAdded, planLineDeleted, planOrderDeleted } from './operations/order-edits';
import { planPartPriceChange, planServicePriceChange } from './operations/catalog-prices';
import { planCustomerUpdate } from './operations/customer-updates';
import { planNewOrder } from './operations/new-order';
import type { PlanContext, PlannedTransaction, Planner } from './operations/planned-transaction';
import { planCancellation, planRefund, planStatusUpdate } from './operations/status-changes';
import type { SourceState } from './state/source-state';

const PLANNERS: Readonly<Record<OperationKind, Planner>> = {
  'new-order': planNewOrder,
  'status-update': planStatusUpdate,
  cancellation: planCancellation,
  refund: planRefund,
  'line-added': planLineAdded,
  'line-deleted': planLineDeleted,
  'order-deleted': planOrderDeleted,
  'part-price-change': planPartPriceChange,
  'service-price-change': planServicePriceChange,
  'customer-update': planCustomerUpdate,
};

/** Orders the line allocator plans for: more than any simulation will ever place. */
const OPEN_ENDED_ORDERS = 2 ** 40;

/**
 * Draws the next transaction: its kind by weight, then its content by the generator's rules, all
 * from one seeded random stream, so the same seed on the same database gives the same statements.
 */
export class TransactionPlanner {
  private readonly kinds: WeightedPicker;
  private readonly drafter: OrderDrafter;
  private readonly draft = new OrderDraft();
  private readonly lines: ExactLineAllocator;

  constructor(
    private readonly state: SourceState,
    seed: number,
    weights: Readonly<Record<OperationKind, number>>,
    private readonly random: Random,
  ) {
    this.kinds = new WeightedPicker(OPERATION_KINDS.map((k) => weights[k]));
    this.drafter = new OrderDrafter(
      state.catalog,
      customerPicker(state.customerIds.length, Random.stream(seed, 'simulator-customers')),
      Random.stream(seed, 'simulator-popularity'),
    );
    // The generator's line mix at scale 1: parts and service lines per order.
    this.lines = new ExactLineAllocator(
      OPEN_ENDED_ORDERS,
      Math.round((OPEN_ENDED_ORDERS * SCALE_1.salesOrderParts) / SCALE_1.salesOrder),
      Math.round((OPEN_ENDED_ORDERS * SCALE_1.salesOrderServices) / SCALE_1.salesOrder),
    );
  }

  /** The next transaction, stamped `at` (a timestamp literal). */
  next(at: string): PlannedTransaction {
    const kind = OPERATION_KINDS[this.kinds.pick(this.random)] as OperationKind;
    const context: PlanContext = {
      state: this.state,
      random: this.random,
      drafter: this.drafter,
      draft: this.draft,
      lines: this.lines,
      at,
    };
    const planned = PLANNERS[kind](context) ?? PLANNERS[FALLBACK_KIND](context);
    if (!planned) throw new RangeError(`the simulator found nothing to do for ${kind} nor ${FALLBACK_KIND}`);
    return planned;
  }
}
