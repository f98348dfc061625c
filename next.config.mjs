import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** Headers for every response; the Content-Security-Policy (with a nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM packages load from node_modules at run time (PGlite fails when bundled).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  // Every page's <title> in <head> from the first byte, for every client (not streamed in
  // after the body): screen readers announce it at once, and a refresh never leaves a page
  // without a title for a moment (WCAG 2.4.2).
  htmlLimitedBots: /./,
  // The request proxy (proxy.ts) buffers a body to hand it on: no more than the API accepts
  // (server/http-limits.ts), instead of Next.js's 10 MB.
  experimental: { proxyClientMaxBodySize: "1mb" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
