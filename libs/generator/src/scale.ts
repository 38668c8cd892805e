import { GeneratorError } from './generator-error';

/**
 * The business at scale 1, exactly as the seed project had it. Every volume figure at another
 * scale is `Math.max(1, Math.round(figure * scale))`; the catalog (parts, services, service
 * parts) is the business's and stays at full size at every scale.
 */
export const SCALE_1 = {
  customersSource: 1_200_000,
  customers: 1_149,
  salesOrder: 397_146,
  salesOrderParts: 853_591,
  salesOrderServices: 355_067,
  csvOrderRows: 1_864_774,
  csvUniqueInvoices: 791_532,
  /** Clean order rows that are invoice versions (the first version of each invoice plus later ones). */
  csvOrderVersions: 1_662_909,
  csvPartRows: 4_877_041,
  csvServiceRows: 529_488,
  /** Dirty rows per defect kind, per file (about 0.1 % of each file). */
  dirtyOrderRowsPerKind: 373,
  dirtyPartRowsPerKind: 813,
  dirtyServiceRowsPerKind: 88,
  /** Source customer records whose email repeats an earlier record's email. */
  customersDuplicateEmails: 48_000,
} as const;

export const CATALOG_COUNTS = { autoParts: 400, service: 110, serviceParts: 1_074, maxPartsPerService: 27 } as const;

/** The 50 states, DC, five territories and three military codes. */
export const ALL_STATE_COUNT = 59;

/** Below this scale there are too few rows to hold every duplicate and defect kind. */
export const MIN_SCALE = 0.0001;
/** Above this scale invoice-number ranges of PostgreSQL and CSV could meet. */
export const MAX_SCALE = 1000;

export const ORDER_DEFECT_KINDS = [
  'negative-amount',
  'unknown-customer',
  'unparseable-date',
  'missing-invoice-number',
  'wrong-column-count',
] as const;
export const PART_LINE_DEFECT_KINDS = [
  'negative-amount',
  'unknown-sku',
  'non-positive-quantity',
  'unparseable-date',
  'missing-invoice-number',
  'wrong-column-count',
] as const;
export const SERVICE_LINE_DEFECT_KINDS = [
  'negative-amount',
  'unknown-serviceid',
  'non-positive-quantity',
  'unparseable-date',
  'missing-invoice-number',
  'wrong-column-count',
] as const;
export type DefectKind =
  | (typeof ORDER_DEFECT_KINDS)[number]
  | (typeof PART_LINE_DEFECT_KINDS)[number]
  | (typeof SERVICE_LINE_DEFECT_KINDS)[number];

/** The scaling rule: the scale-1 figure times scale, rounded, at least 1. */
export function scaled(figure: number, scale: number): number {
  return Math.max(1, Math.round(figure * scale));
}

export interface CsvFilePlan {
  /** Data rows in the file (header excluded), dirty rows included. */
  readonly rows: number;
  /** Dirty rows per defect kind; they are counted in `rows`. */
  readonly defects: Readonly<Record<string, number>>;
  readonly dirtyRows: number;
}

export interface PlannedCounts {
  readonly scale: number;
  readonly autoParts: number;
  readonly service: number;
  readonly serviceParts: number;
  readonly customersSource: number;
  readonly customersDuplicateEmails: number;
  readonly customers: number;
  /** Distinct states among the PostgreSQL customers: all 59 when there are enough customers. */
  readonly customerStates: number;
  readonly salesOrder: number;
  readonly salesOrderParts: number;
  readonly salesOrderServices: number;
  readonly csvUniqueInvoices: number;
  readonly csvOrderVersions: number;
  /** Clean exact copies of order rows: rows - versions - dirty rows. */
  readonly csvOrderExactCopies: number;
  readonly csvOrders: CsvFilePlan;
  readonly csvParts: CsvFilePlan;
  readonly csvServices: CsvFilePlan;
  /** Order rows + part rows + service rows of the three order CSV files. */
  readonly csvOrderFileRows: number;
  /** PostgreSQL orders plus unique CSV invoices; invoice numbers never collide. */
  readonly uniqueInvoicesCombined: number;
}

function filePlan(rows: number, kinds: readonly string[], perKindAtScale1: number, scale: number): CsvFilePlan {
  const defects: Record<string, number> = {};
  for (const kind of kinds) defects[kind] = scaled(perKindAtScale1, scale);
  const dirtyRows = Object.values(defects).reduce((s, n) => s + n, 0);
  return { rows, defects, dirtyRows };
}

/** Throws a GeneratorError unless scale is a finite number in [MIN_SCALE, MAX_SCALE]. */
export function assertScale(scale: unknown): asserts scale is number {
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new GeneratorError(
      'invalid-scale',
      `scale ${String(scale)} is not a positive number; pass a number such as 0.01, 1 or 2`,
    );
  }
  if (scale < MIN_SCALE || scale > MAX_SCALE) {
    throw new GeneratorError(
      'invalid-scale',
      `scale ${scale} is outside the supported range ${MIN_SCALE}..${MAX_SCALE}; pick a scale in that range`,
    );
  }
}

/** The exact row counts that `generate` produces at this scale (pure; no seed needed). */
export function plannedCounts(scale: number): PlannedCounts {
  assertScale(scale);
  const customers = scaled(SCALE_1.customers, scale);
  const salesOrder = scaled(SCALE_1.salesOrder, scale);
  const csvUniqueInvoices = scaled(SCALE_1.csvUniqueInvoices, scale);
  const csvOrders = filePlan(
    scaled(SCALE_1.csvOrderRows, scale),
    ORDER_DEFECT_KINDS,
    SCALE_1.dirtyOrderRowsPerKind,
    scale,
  );
  const csvParts = filePlan(
    scaled(SCALE_1.csvPartRows, scale),
    PART_LINE_DEFECT_KINDS,
    SCALE_1.dirtyPartRowsPerKind,
    scale,
  );
  const csvServices = filePlan(
    scaled(SCALE_1.csvServiceRows, scale),
    SERVICE_LINE_DEFECT_KINDS,
    SCALE_1.dirtyServiceRowsPerKind,
    scale,
  );
  const csvOrderVersions = scaled(SCALE_1.csvOrderVersions, scale);
  return {
    scale,
    autoParts: CATALOG_COUNTS.autoParts,
    service: CATALOG_COUNTS.service,
    serviceParts: CATALOG_COUNTS.serviceParts,
    customersSource: scaled(SCALE_1.customersSource, scale),
    customersDuplicateEmails: scaled(SCALE_1.customersDuplicateEmails, scale),
    customers,
    customerStates: Math.min(ALL_STATE_COUNT, customers),
    salesOrder,
    salesOrderParts: scaled(SCALE_1.salesOrderParts, scale),
    salesOrderServices: scaled(SCALE_1.salesOrderServices, scale),
    csvUniqueInvoices,
    csvOrderVersions,
    csvOrderExactCopies: csvOrders.rows - csvOrderVersions - csvOrders.dirtyRows,
    csvOrders,
    csvParts,
    csvServices,
    csvOrderFileRows: csvOrders.rows + csvParts.rows + csvServices.rows,
    uniqueInvoicesCombined: salesOrder + csvUniqueInvoices,
  };
}
