/** Where a PostgreSQL database is, without credentials: for messages and status output. */
export interface DbAddress {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/** `host:port/database`, IPv6 hosts in brackets. Never includes the password. */
export function formatAddress(address: Pick<DbAddress, 'host' | 'port' | 'database'>): string {
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `${host}:${address.port}/${address.database}`;
}

/** A postgres:// URL for the address and password, components percent-encoded. */
export function buildPostgresUrl(address: DbAddress, password: string): string {
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  const credentials = `${encodeURIComponent(address.user)}:${encodeURIComponent(password)}`;
  return `postgres://${credentials}@${host}:${address.port}/${encodeURIComponent(address.database)}`;
}
