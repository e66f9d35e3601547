/** The error next-auth passes back when an address has had too many failed sign-ins. */
export const TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS";
export const SIGN_IN_LOCK_MINUTES = 15;
export const SIGN_IN_MAX_FAILURES = 10;
