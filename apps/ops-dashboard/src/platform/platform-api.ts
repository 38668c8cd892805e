import { type PlatformClient, createPlatformClient } from '@autocorp/platform-client';

/**
 * Where the platform API is: the page's own origin (autocorp up serves this app beside /api), or
 * NEXT_PUBLIC_PLATFORM_API_URL when the app is hosted elsewhere (next dev, an S3 site).
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
