import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Test builds run beside the dev build without clobbering it.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
};

export default nextConfig;
