import type { CdcRunSummary, CdcStatus, CdcStatusUnknownField } from '@autocorp/cdc';
import { formatBytes, formatCount, formatTable } from '@autocorp/terminal';

export function formatCdcSummary(s: CdcRunSummary): string {
  const lines: string[] = [];
  if (s.fullLoad) {
    lines.push(
      `full load: ${formatCount(s.fullLoad.rows)} rows in ${s.fullLoad.seconds.toFixed(1)} s (consistent point ${s.fullLoad.consistentPoint})`,
    );
  }
  lines.push(
    `stream: ${formatCount(s.changes)} change(s) in ${s.batches} batch(es), ${s.files} file(s); position ${s.position.lsn}/${s.position.seq}, acknowledged ${s.ackLsn}`,
  );
  if (s.recoveredFiles.length > 0)
    lines.push(`recovered: ${s.recoveredFiles.length} file(s) of an unfinished batch replaced`);
  return lines.join('\n') + '\n';
}

export function formatCdcStatus(s: CdcStatus): string {
  const unknown = (field: CdcStatusUnknownField): string => `unknown (${s.unknown[field] ?? 'not reported'})`;
  if (!s.slotExists)
    return `No replication slot "${s.slotName}". Run "autocorp cdc start" (or npm start) to take the full load and stream.\n`;
  const lines = [
    `slot ${s.slotName} (publication ${s.publicationName}): ${s.invalidated ? 'INVALIDATED' : s.active ? `active (pid ${s.activePid})` : 'idle'}, wal_status ${s.walStatus ?? '-'}`,
    `lag: ${s.lagBytes !== null ? formatBytes(s.lagBytes) : unknown('lagBytes')}, ${s.lagSeconds !== null ? `${s.lagSeconds.toFixed(1)} s (${s.lagBasis})` : `seconds ${unknown('lagSeconds')}`}; confirmed flush ${s.confirmedFlushLsn ?? unknown('confirmedFlushLsn')}, current WAL ${s.currentWalLsn}`,
    `stored position: ${s.position ? `${s.position.lsn}/${s.position.seq}` : unknown('position')}; last commit ${s.lastCommitTime ?? unknown('lastCommitTime')}`,
  ];
  const tables = Object.entries(s.tables);
  if (tables.length > 0)
    lines.push(
      '',
      formatTable(
        ['table', 'state'],
        tables.map(([name, t]) => [name, t.state === 'errored' ? `errored: ${t.reason} ${t.solution}` : t.state]),
      ),
    );
  if (s.invalidated) {
    lines.push(
      '',
      'The slot lost WAL it needed. Run "autocorp cdc drop" and then "autocorp cdc start" to take a new full load.',
    );
  }
  return lines.join('\n') + '\n';
}
