import type { NextConfig } from 'next';
import { CHAT_BASE_PATH } from './src/platform/base-path';

/**
 * A static export (`out/`) under the base path /chat: `autocorp up` and `autocorp serve` serve it at
 * `/chat/` beside the API and the ops dashboard (same origin, no CORS); on AWS it is an S3 +
 * CloudFront site. The page talks to the platform only through @autocorp/platform-client.
 */
const config: NextConfig = {
  output: 'export',
  basePath: CHAT_BASE_PATH,
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  // The workspace libraries are TypeScript sources (package.json exports point at src/index.ts).
  transpilePackages: ['@autocorp/platform-client'],
  // As the ops dashboard: the typecheck target (tsc) checks the types; the build only bundles.
  typescript: { ignoreBuildErrors: true },
};

export default config;
