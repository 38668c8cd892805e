import type { NextConfig } from 'next';

/**
 * A static export (`out/`): `autocorp up` and `autocorp serve` serve it at `/` beside the API (same
 * origin, no CORS); on AWS it is an S3 + CloudFront site. Every page loads its data in the browser
 * through @autocorp/platform-client.
 */
const config: NextConfig = {
  output: 'export',
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  // The workspace libraries are TypeScript sources (package.json exports point at src/index.ts).
  transpilePackages: ['@autocorp/platform-client', '@autocorp/progress'],
  // The typecheck target (tsc, in npm test) checks the types, as for every package: the build only
  // bundles, so the first `npm start` does not pay for a second type check.
  typescript: { ignoreBuildErrors: true },
};

export default config;
