/** Host names a browser page on this machine has (the web apps `autocorp up` serves on another port). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The CORS origin to allow for a request's Origin: a page served from this machine (any port), so
 * the dashboard can call the API; undefined for any other site, whose pages get no CORS headers.
 */
export function localOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOCAL_HOSTS.has(url.hostname)
      ? origin
      : undefined;
  } catch {
    return undefined;
  }
}
