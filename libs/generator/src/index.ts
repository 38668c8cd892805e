export { GeneratorError, type GeneratorErrorKind } from './generator-error';
export {
  ALL_STATE_COUNT,
  CATALOG_COUNTS,
  type CsvFilePlan,
  type DefectKind,
  MAX_SCALE,
  MIN_SCALE,
  ORDER_DEFECT_KINDS,
  PART_LINE_DEFECT_KINDS,
  type PlannedCounts,
  SCALE_1,
  SERVICE_LINE_DEFECT_KINDS,
  plannedCounts,
  scaled,
} from './scale';
export { type GenerateOptions, type GenerationTarget, TARGETS } from './generate-options';
export { type FileSummary, type GenerationSummary, generate } from './generate';
export { CSV_FILES, MANIFEST_FILE } from './csv-export/csv-files';
export { type Manifest, readManifest } from './csv-export/manifest';
export { buildCatalog } from './catalog/build-catalog';
export type { Catalog, Part, Service, ServicePart } from './catalog/catalog';
export { COPY_COLUMNS } from './postgres/copy-columns';
export { TAX_RATE_BASIS_POINTS } from './format/money';
export { fnv1aHex } from './format/checksum';
// The building blocks a live order simulator reuses (so its orders follow the generator's rules).
export { OrderDraft, OrderDrafter, MAX_PART_LINES, MAX_SERVICE_LINES, orderTypeOf } from './orders/order-draft';
export { ExactLineAllocator } from './orders/line-allocation';
export { ORDER_NOTES, STATUS_WEIGHTS } from './orders/order-vocabulary';
export { customerPicker } from './customers/customer-source';
export { US_STATES, type UsState } from './customers/us-states';
export { CITY_NAMES, STREET_NAMES, STREET_SUFFIXES } from './customers/names';
export { Random } from './random/random';
export { WeightedPicker } from './random/weighted-picker';
export { formatCents, taxCents } from './format/money';
export { PG_INVOICE_BASE, invoiceNumber } from './context';
