import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/lib/security-headers";
import { MAX_IMPORT_REQUEST_BYTES, SERVER_ACTION_BODY_LIMIT_MB } from "./src/lib/upload-limits";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Test builds run beside the dev build without clobbering it.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // src/proxy.ts sets these (and the CSP) on every route it sees; this covers the rest (build assets).
  async headers() {
    return [
      { source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) },
    ];
  },
  experimental: {
    // src/proxy.ts runs before every route, so Next buffers request bodies, and cuts them at 10 MB by
    // default: the imports (/o/[slug]/.../import/api) document 50 MB files.
    proxyClientMaxBodySize: MAX_IMPORT_REQUEST_BYTES,
    // Stated rather than defaulted: the action wrapper's client side answers a refusal with this limit.
    serverActions: { bodySizeLimit: `${SERVER_ACTION_BODY_LIMIT_MB}mb` },
  },
};

export default nextConfig;
