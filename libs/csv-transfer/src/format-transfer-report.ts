import { formatBytes, formatTable } from '@autocorp/terminal';
import type { TransferReport } from './transfer-report';

/** A plain-text table of a transfer run, for the command line, followed by the warnings. */
export function formatTransferReport(report: TransferReport): string {
  const rows = report.records.map((r) => [
    r.file,
    r.warnings !== undefined && r.warnings.length > 0 ? `${r.status} (warning)` : r.status,
    r.rows ?? '',
    formatBytes(r.bytes),
    r.key ?? r.error?.message ?? r.reason ?? '',
  ]);
  const t = report.totals;
  const summary = `${t.copied} copied (${formatBytes(t.bytesCopied)}), ${t.skipped} skipped, ${t.rejected} rejected, ${t.failed} failed, ${t.withWarnings} with warnings; ingest_date=${report.ingestDate}; report ${report.manifestKey}`;
  const warnings = report.records.flatMap((r) =>
    (r.warnings ?? []).map((w) => `warning: ${w.message} Findings: ${w.findingsKey}`),
  );
  return [formatTable(['file', 'status', 'rows', 'size', 'key / reason'], rows), summary, ...warnings].join('\n');
}
