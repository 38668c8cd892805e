import type { RouteDefinition } from '../contract/route';
import { PlatformClientError } from './platform-client-error';

/** The route's path with its parameters filled in and its query string, relative to `baseUrl`. */
export function routeUrl(
  baseUrl: string,
  route: RouteDefinition,
  params: Readonly<Record<string, unknown>> = {},
  query: Readonly<Record<string, unknown>> = {},
): string {
  const path = route.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '')
      throw new PlatformClientError('invalid-input', `${route.path} needs the path parameter "${name}".`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${text ? `?${text}` : ''}`;
}
