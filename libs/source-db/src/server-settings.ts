/** Settings every server we start gets: logical decoding for CDC, TCP on loopback only. */
export function baseServerSettings(
  walLevel: 'logical' | 'replica' | 'minimal' = 'logical',
): Record<string, string | number> {
  return {
    listen_addresses: '127.0.0.1',
    // TCP only: no socket files in /tmp to collide with other servers.
    unix_socket_directories: '',
    wal_level: walLevel,
    max_wal_senders: walLevel === 'minimal' ? 0 : 10,
    max_replication_slots: 10,
  };
}
