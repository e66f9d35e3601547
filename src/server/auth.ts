import "server-only";
import { cache } from "react";
import { getServerSession, type NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { SIGN_IN_UNAVAILABLE, tooManyAttemptsCode } from "@/lib/auth-errors";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { env } from "@/env";
import { ZSignInInput } from "@/lib/schemas/auth";
import { db } from "./db";
import { getDummyHash, verifyPassword } from "./passwords";
import { clientAddress } from "./security/request-origin";
import { signInThrottle } from "./security/sign-in-throttle";

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    // next-auth hands this message back to the sign-in form, which says when to retry.
    super(tooManyAttemptsCode(retryAfterSeconds));
  }
}

export type TAuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

/**
 * Checks an email and password from a client address (src/server/security/request-origin.ts).
 * The attempt is counted before the password is looked at (src/server/security/sign-in-throttle.ts),
 * and throws TooManyAttemptsError when over a budget. Unknown email and wrong password both return
 * null after the same argon2 work, so neither the answer nor its timing tells which it was.
 */
export async function authenticate(
  email: unknown,
  password: unknown,
  address: string,
): Promise<TAuthenticatedUser | null> {
  const parsed = ZSignInInput.safeParse({ email, password });
  if (!parsed.success) return null;
  const key = parsed.data.email;
  const verdict = await signInThrottle().attempt(key, address);
  if (!verdict.ok) throw new TooManyAttemptsError(verdict.retryAfterSeconds);
  const user = await db.user.findUnique({
    where: { email: key },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), parsed.data.password);
  if (!user || !isValid) return null;
  await signInThrottle().succeeded(key, address);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/**
 * Ends every session of a user: each session JWT carries the version it was issued with, and
 * getSessionUser refuses one that no longer matches. Sign-out and "sign out everywhere" call this.
 */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

// Built on first use: env() must not run while `next build` imports this module.
let options: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    // JWT sessions: the cookie holds the user id and the session version only; roles are read from
    // the membership row on every request, so a role change or removal takes effect at once.
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_HOURS * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) =>
          authenticate(credentials?.email, credentials?.password, clientAddress(req.headers ?? {})).catch(
            (error: unknown) => {
              if (error instanceof TooManyAttemptsError) throw error;
              // next-auth hands an error's message to the browser: never a database error's.
              console.error("sign-in could not be checked", error);
              throw new Error(SIGN_IN_UNAVAILABLE);
            },
          ),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is present only at sign-in: the version the session was issued with.
        if (user && "sessionVersion" in user && typeof user.sessionVersion === "number")
          token.sessionVersion = user.sessionVersion;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) {
          session.user.id = token.sub;
          session.user.sessionVersion = token.sessionVersion;
        }
        return session;
      },
      // Every redirect next-auth makes (after sign-in or sign-out) stays on the app's own origin.
      redirect: ({ url, baseUrl }) => new URL(safeCallbackPath(url, baseUrl), baseUrl).href,
    },
    events: {
      async signOut({ token }) {
        if (token?.sub) await endAllSessions(token.sub);
      },
    },
  };
  return options;
}

/**
 * The user a session belongs to, or null when the user no longer exists or the session was ended
 * (signed out, signed out everywhere) since it was issued.
 */
export async function resolveSessionUser(
  userId: string | undefined,
  sessionVersion: number | undefined,
): Promise<{ id: string; email: string; name: string } | null> {
  if (!userId || sessionVersion === undefined) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** For tests and tools: the user of a decoded session token. */
export const resolveTokenUser = (token: JWT | null) => resolveSessionUser(token?.sub, token?.sessionVersion);

/** The signed-in user, or null. Checked against the database on every request (cached per request). */
export const getSessionUser = cache(async (): Promise<{ id: string; email: string; name: string } | null> => {
  const session = await getServerSession(getAuthOptions());
  return resolveSessionUser(session?.user?.id, session?.user?.sessionVersion);
});
