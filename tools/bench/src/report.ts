import { formatTable } from '@autocorp/terminal';
import type { BenchMetric } from './bench-case';

export interface CaseResult {
  readonly caseName: string;
  readonly metrics: readonly BenchMetric[];
  readonly error?: string;
  /** Wall time of the whole case, setup included. */
  readonly seconds?: number;
  /** 1-minute load average when the case started and when it ended (the machine is shared). */
  readonly loadAverage?: readonly [number, number];
}

function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** The results as a plain text table. */
export function resultsTable(results: readonly CaseResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    if (r.error) {
      rows.push([r.caseName, 'FAILED', r.error.split('\n')[0] ?? '', '', '', '']);
      continue;
    }
    for (const m of r.metrics) {
      rows.push([
        r.caseName,
        m.name,
        `${round(m.value)} ${m.unit}`,
        m.target ?? '',
        m.met === undefined ? '' : m.met ? 'yes' : 'NO',
        m.ratio === undefined ? '' : `${round(m.ratio)}x ${m.baseline ?? ''}`.trim(),
      ]);
    }
  }
  return formatTable(['case', 'metric', 'value', 'target', 'met', 'vs baseline'], rows);
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One Markdown table per case (metric, value, target, met, vs baseline), for docs/benchmarks.md. */
export function resultsMarkdown(results: readonly CaseResult[]): string {
  const sections: string[] = [];
  for (const r of results) {
    const load = r.loadAverage ? `, load average ${r.loadAverage[0].toFixed(1)} -> ${r.loadAverage[1].toFixed(1)}` : '';
    const took = r.seconds !== undefined ? ` (${round(r.seconds)} s${load})` : '';
    const lines = [`### ${r.caseName}${took}`, ''];
    if (r.error) {
      lines.push(`FAILED: ${markdownCell(r.error.split('\n')[0] ?? '')}`);
    } else {
      lines.push('| metric | value | target | met | vs baseline |', '|---|---|---|---|---|');
      for (const m of r.metrics) {
        const met = m.met === undefined ? '' : m.met ? 'yes' : '**no**';
        const ratio = m.ratio === undefined ? '' : `${round(m.ratio)}x ${m.baseline ?? ''}`.trim();
        lines.push(
          `| ${[m.name.trim(), `${round(m.value)} ${m.unit}`, m.target ?? '', met, ratio].map(markdownCell).join(' | ')} |`,
        );
      }
    }
    sections.push(lines.join('\n'));
  }
  return `${sections.join('\n\n')}\n`;
}
