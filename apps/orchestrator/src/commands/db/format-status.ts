import type { SourceDbStatus } from '@autocorp/source-db';
import { formatBytes, formatTable } from '@autocorp/terminal';

/** The source database status as text, like the seed's status check. */
export function formatSourceDbStatus(s: SourceDbStatus): string {
  const lines = [
    `Source database ${s.address} (${s.origin === 'url' ? 'DATABASE_URL' : 'embedded server'})`,
    `PostgreSQL ${s.serverVersion}, wal_level=${s.walLevel}, size ${formatBytes(s.databaseSizeBytes)}, migrations ${s.migrations.applied}/${s.migrations.available}`,
    '',
    formatTable(
      ['table', 'rows'],
      s.tables.map((t) => [t.name, t.rows === null ? 'missing (run autocorp db migrate)' : t.rows]),
    ),
  ];
  if (s.replicationSlots.length > 0) {
    lines.push(
      '',
      formatTable(
        ['replication slot', 'plugin', 'active', 'confirmed flush', 'retained WAL'],
        s.replicationSlots.map((r) => [
          r.name,
          r.plugin ?? '',
          r.active ? 'yes' : 'no',
          r.confirmedFlushLsn ?? '',
          r.retainedWalBytes === null ? '' : formatBytes(r.retainedWalBytes),
        ]),
      ),
    );
  }
  return lines.join('\n') + '\n';
}
