import { type PlatformClient, PlatformClientError, createPlatformClient } from '@autocorp/platform-client';

/**
 * Where the platform API is: the page's own origin (autocorp up serves this app at /chat/ beside
 * /api), or NEXT_PUBLIC_PLATFORM_API_URL when the app is hosted elsewhere (next dev, an S3 site).
 */
export function platformApiUrl(): string {
  const configured = process.env.NEXT_PUBLIC_PLATFORM_API_URL;
  if (configured) return configured.replace(/\/$/, '');
  return window.location.origin;
}

let client: PlatformClient | undefined;

/** The one typed client of the platform API in this page. */
export function platformClient(): PlatformClient {
  client ??= createPlatformClient({ baseUrl: platformApiUrl() });
  return client;
}

/** What to run when the API does not answer. */
export const START_COMMAND = 'npm start';

/** Whether an error means the API does not answer at all (rather than answering an error). */
export function isApiDown(error: unknown): boolean {
  return error instanceof PlatformClientError && error.kind === 'network';
}
