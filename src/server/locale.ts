import "server-only";
import { headers } from "next/headers";

/** The user's preferred locale from Accept-Language, if Intl supports it; en-US otherwise. */
export async function getRequestLocale(): Promise<string> {
  const accept = (await headers()).get("accept-language") ?? "";
  for (const part of accept.split(",")) {
    const tag = part.split(";")[0]?.trim();
    if (!tag || tag === "*") continue;
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf([tag]);
      if (supported) return supported;
    } catch {
      // A malformed tag: try the next one.
    }
  }
  return "en-US";
}
