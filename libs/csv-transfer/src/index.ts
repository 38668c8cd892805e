export { TransferError, type TransferErrorKind } from './transfer-error';
export { type TransferOptions, transferCsvFiles } from './transfer-csv-files';
export {
  REPORTED_LINES,
  type TransferRecord,
  type TransferReport,
  type TransferStatus,
  type TransferWarning,
} from './transfer-report';
export { type TransferFindings, readTransferFindings } from './transfer-findings';
export { type InvalidUtf8, Utf8Scanner } from './utf8-scanner';
export { checkKnownTable } from './known-tables';
export { type Ledger, type LedgerEntry, readLedger } from './transfer-ledger';
export { type ExpectedHeaders, checkHeader } from './header-check';
export { SNIFF_BYTES, parseCsvLine, sniffCsvHeader } from './csv-sniff';
export { type OpenQuote, RowCounter } from './row-counter';
export { type SourceFile, type SourceKind, listSourceFiles } from './source-files';
export { formatTransferReport } from './format-transfer-report';
