/**
 * The same-origin path a callbackUrl may send the user to, or null. The URL is parsed the way the
 * browser will parse it (backslashes read as slashes, tabs and newlines dropped, `//host` a host),
 * against the app's own origin, and only a result on that origin is kept. What comes back is the
 * parsed path (with a single leading slash), so the browser is sent exactly where this check looked.
 */
export function sameOriginPath(raw: unknown, appOrigin: string): string | null {
  if (typeof raw !== "string" || raw === "") return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(appOrigin);
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  // A path such as "/.//evil" parses to the pathname "//evil", which on its own is a link to the
  // host "evil": one leading slash only.
  return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
}

/** sameOriginPath, or a fallback path of the app. */
export const safeCallbackPath = (raw: unknown, appOrigin: string, fallback = "/") =>
  sameOriginPath(raw, appOrigin) ?? fallback;
