import "server-only";
import { env } from "@/env";

// What a request says about where it comes from. Next.js passes on any X-Forwarded-* header the
// client sent (it only fills them in when absent), so they are believed only when TRUSTED_PROXY
// says that many proxies of ours sit in front of the app and append to them.

type THeaders = Headers | Record<string, string | string[] | undefined>;
export type TOriginConfig = { appUrl: string | undefined; trustedProxies: number };

const configFromEnv = (): TOriginConfig => ({ appUrl: env().NEXTAUTH_URL, trustedProxies: env().TRUSTED_PROXY });

function header(headers: THeaders, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

const hops = (value: string | null) =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** Every client is this one "address" when the app cannot tell clients apart (no trusted proxy). */
export const UNKNOWN_CLIENT = "unknown-client";

/** The client's address as the nearest trusted proxy saw it, or UNKNOWN_CLIENT. */
export function clientAddress(headers: THeaders, trustedProxies = env().TRUSTED_PROXY): string {
  if (trustedProxies < 1) return UNKNOWN_CLIENT;
  const list = hops(header(headers, "x-forwarded-for"));
  // Each trusted proxy appended one entry; the one the outermost proxy appended is the client.
  return list[list.length - trustedProxies] ?? UNKNOWN_CLIENT;
}

/**
 * Whether an Origin header names this app: the configured app URL (NEXTAUTH_URL), or, behind a
 * trusted proxy, the host and scheme that proxy forwarded. Without either, the Host header.
 */
export function isAppOrigin(
  origin: string | null,
  headers: THeaders,
  config: TOriginConfig = configFromEnv(),
): boolean {
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (config.trustedProxies > 0) {
    const host = hops(header(headers, "x-forwarded-host")).at(-1) ?? header(headers, "host");
    const proto = hops(header(headers, "x-forwarded-proto")).at(-1);
    return url.host === host && (!proto || url.protocol === `${proto}:`);
  }
  if (config.appUrl) return url.origin === new URL(config.appUrl).origin;
  return url.host === header(headers, "host");
}

/** Whether the browser reached the app over https: itself, or at a trusted proxy in front of it. */
export function isHttpsRequest(protocol: string, headers: THeaders, config: TOriginConfig = configFromEnv()): boolean {
  if (protocol === "https:") return true;
  if (config.trustedProxies > 0) return hops(header(headers, "x-forwarded-proto")).at(-1) === "https";
  return config.appUrl?.startsWith("https://") ?? false;
}

/**
 * The origin people reach this app at, for what the app shows them to copy (the API's curl
 * examples): behind a trusted proxy, the host and scheme it forwarded; otherwise the configured app
 * URL (the Host header may be an internal name behind a proxy we were not told about); without
 * either, the Host header. Null when nothing names a host.
 */
export function publicOrigin(headers: THeaders, config: TOriginConfig = configFromEnv()): string | null {
  if (config.trustedProxies > 0) {
    const host = hops(header(headers, "x-forwarded-host")).at(-1) ?? header(headers, "host");
    const proto = hops(header(headers, "x-forwarded-proto")).at(-1) ?? "http";
    if (host) return `${proto}://${host}`;
  }
  if (config.appUrl) return new URL(config.appUrl).origin;
  const host = header(headers, "host");
  return host ? `${hops(header(headers, "x-forwarded-proto")).at(-1) ?? "http"}://${host}` : null;
}
