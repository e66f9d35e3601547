import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Test builds run beside the dev build without clobbering it.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // src/proxy.ts sets these (and the CSP) on every route it sees; this covers the rest (build assets).
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
