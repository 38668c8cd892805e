import { formatBytes, formatTable } from '@autocorp/terminal';
import type { TransferReport } from './transfer-report';

/** A plain-text table of a transfer run, for the command line. */
export function formatTransferReport(report: TransferReport): string {
  const rows = report.records.map((r) => [r.file, r.status, r.rows ?? '', formatBytes(r.bytes), r.key ?? r.error?.message ?? r.reason ?? '']);
  const t = report.totals;
  const summary = `${t.copied} copied (${formatBytes(t.bytesCopied)}), ${t.skipped} skipped, ${t.rejected} rejected, ${t.failed} failed; ingest_date=${report.ingestDate}; report ${report.manifestKey}`;
  return `${formatTable(['file', 'status', 'rows', 'size', 'key / reason'], rows)}\n${summary}`;
}
