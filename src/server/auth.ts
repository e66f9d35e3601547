import "server-only";
import { cache } from "react";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { SIGN_IN_LOCK_MINUTES, SIGN_IN_MAX_FAILURES, TOO_MANY_ATTEMPTS } from "@/lib/auth-errors";
import { env } from "@/env";
import { ZSignInInput } from "@/lib/schemas/auth";
import { db } from "./db";
import { getDummyHash, verifyPassword } from "./passwords";

// Failed sign-ins per address, in this process: after 10 within 15 minutes the address is refused
// until the window passes, whatever the password. (One app instance; a shared store such as
// rate-limiter-flexible's PostgreSQL one is the step for several.)
const failedSignIns = new RateLimiterMemory({ points: SIGN_IN_MAX_FAILURES, duration: SIGN_IN_LOCK_MINUTES * 60 });

export class TooManyAttemptsError extends Error {
  constructor() {
    super(TOO_MANY_ATTEMPTS);
  }
}

/**
 * Checks an email and password. Unknown email and wrong password both return null after the same
 * argon2 work, so neither the answer nor its timing tells which it was. Throws TooManyAttemptsError
 * while the address is locked out.
 */
export async function authenticate(email: unknown, password: unknown): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = ZSignInInput.safeParse({ email, password });
  if (!parsed.success) return null;
  const key = parsed.data.email;
  const failures = await failedSignIns.get(key);
  if (failures && failures.consumedPoints >= SIGN_IN_MAX_FAILURES) throw new TooManyAttemptsError();
  const user = await db.user.findUnique({
    where: { email: key },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), parsed.data.password);
  if (!user || !isValid) {
    await failedSignIns.penalty(key);
    return null;
  }
  await failedSignIns.delete(key);
  return { id: user.id, email: user.email, name: user.name };
}

// Built on first use: env() must not run while `next build` imports this module.
let options: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    // JWT sessions: the cookie holds the user id only; roles are read from the membership row
    // on every request, so a role change or removal takes effect at once.
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_HOURS * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials) => authenticate(credentials?.email, credentials?.password),
      }),
    ],
    callbacks: {
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
  return options;
}

/** The signed-in user's id, or null. The user row must still exist (a deleted user is signed out). */
export const getSessionUser = cache(async (): Promise<{ id: string; email: string; name: string } | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});
