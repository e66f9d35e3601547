// The security headers of every response (src/proxy.ts sets them; next.config.ts sets the static
// ones on what the proxy does not see, such as /_next/static).

/** Headers that do not change per request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  // For browsers without CSP frame-ancestors; the CSP says the same.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Sent only over https: a browser that saw it refuses plain http to this host for two years. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * Scripts run only with this response's nonce (or when loaded by such a script: 'strict-dynamic');
 * never inline without it, never eval outside development. Style elements need the nonce too
 * (except under the development server); style attributes are allowed (React and recharts position
 * elements with them), which cannot run code. No page may be framed, not even by this site.
 */
export function contentSecurityPolicy({
  nonce,
  isDev,
  isHttps,
}: {
  nonce: string;
  isDev: boolean;
  isHttps: boolean;
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // The development server injects its CSS as style elements of its own.
    isDev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
