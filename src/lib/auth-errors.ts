/** The error next-auth passes back when sign-in attempts are throttled: `TOO_MANY_ATTEMPTS:<seconds>`. */
export const TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS";

export const tooManyAttemptsCode = (retryAfterSeconds: number) =>
  `${TOO_MANY_ATTEMPTS}:${Math.ceil(retryAfterSeconds)}`;

/** Seconds until a throttled sign-in may be retried, or null when the error is something else. */
export function retryAfterSeconds(error: string | null | undefined): number | null {
  const match = /^TOO_MANY_ATTEMPTS:(\d+)$/.exec(error ?? "");
  return match ? Number(match[1]) : null;
}

export function tooManyAttemptsMessage(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many sign-in attempts — try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

/** The error next-auth passes back when sign-in could not be checked at all (the database is down). */
export const SIGN_IN_UNAVAILABLE = "SIGN_IN_UNAVAILABLE";
export const SIGN_IN_UNAVAILABLE_MESSAGE =
  "Sign-in is unavailable right now. Nothing is wrong with your password: try again in a minute.";
