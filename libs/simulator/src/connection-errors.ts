const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
/** SQLSTATEs of a server that went away or refuses new sessions (admin shutdown, crash, cannot connect now). */
const LOST_SQLSTATES = new Set(['57P01', '57P02', '57P03', '55000']);

/**
 * True when `error` means the connection is gone or cannot be made (retrying may help), false for
 * an error in a statement (retrying the same statement would fail the same way).
 */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || LOST_SQLSTATES.has(code) || code.startsWith('08')) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return false;
  }
  return /Connection terminated|not queryable|Client was closed|connection is closed/i.test(error.message);
}
