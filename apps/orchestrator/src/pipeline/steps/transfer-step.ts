import { transferCsvFiles } from '@autocorp/csv-transfer';
import { formatBytes, formatCount } from '@autocorp/terminal';
import { commandProgress } from '../../cli/progress-drawing';
import { csvExportHeaders } from '../export-headers';
import type { PipelineStep } from '../pipeline-step';
import { lakeOf } from '../lake';

/** Moves the CSV exports into raw/csv/<table>/ingest_date=.../ (the platform's DataSync). */
export const transferStep: PipelineStep = {
  name: 'transfer CSV exports',
  async run(context) {
    const report = await transferCsvFiles({
      sourceDir: context.home.generated,
      store: lakeOf(context),
      expectedHeaders: csvExportHeaders(),
      onProgress: commandProgress(context.io),
    });
    const t = report.totals;
    if (report.errors.length > 0) {
      throw new Error(report.errors.map((e) => e.message).join('; '));
    }
    return {
      headline: `${t.copied} file(s) copied (${formatCount(t.rowsCopied)} rows, ${formatBytes(t.bytesCopied)}), ${t.skipped} unchanged, ${t.rejected} rejected, ${t.withWarnings} with warnings; manifest ${report.manifestKey}`,
      details: report.records.flatMap((r) =>
        (r.warnings ?? []).map((w) => `warning: ${w.message} Findings: ${w.findingsKey}`),
      ),
    };
  },
};
