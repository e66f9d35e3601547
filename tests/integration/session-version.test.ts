import { decode, encode, type JWT } from "next-auth/jwt";
import type { NextAuthOptions } from "next-auth";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate, endAllSessions, getAuthOptions, resolveTokenUser, type TAuthenticatedUser } from "@/server/auth";
import { db } from "@/server/db";
import { closeSignInThrottle } from "@/server/security/sign-in-throttle";
import { createUser, PASSWORD } from "../factories";

// Finding 8 of issue 10, sign-out does not end the session: the old cookie still worked for 12
// hours. Each session JWT carries the user's session version; sign-out and "sign out everywhere"
// bump it, and a token with an older version is refused wherever the session is read.

const SECRET = process.env.NEXTAUTH_SECRET ?? "";
const CLIENT = "203.0.113.7";
type TCallbacks = NonNullable<NextAuthOptions["callbacks"]>;
type TEvents = NonNullable<NextAuthOptions["events"]>;

/** Signs in the way next-auth does (authorize → jwt callback) and returns the session cookie's value. */
async function signInCookie(email: string): Promise<string> {
  const user = await authenticate(email, PASSWORD, CLIENT);
  if (!user) throw new Error("sign-in failed");
  const jwt = getAuthOptions().callbacks?.jwt as NonNullable<TCallbacks["jwt"]>;
  const token = await jwt({
    token: { sub: user.id, email: user.email, name: user.name },
    user: user as TAuthenticatedUser,
    account: null,
  });
  return encode({ token, secret: SECRET });
}

const userOfCookie = async (cookie: string) => resolveTokenUser(await decode({ token: cookie, secret: SECRET }));

async function signOutWith(cookie: string) {
  const token = (await decode({ token: cookie, secret: SECRET })) as JWT;
  const signOut = getAuthOptions().events?.signOut as TEvents["signOut"];
  await signOut?.({ token, session: undefined as never });
}

afterAll(() => closeSignInThrottle());

describe("sign-out does not end the session (issue 10, finding 8)", () => {
  it("refuses a token minted before sign-out once the user has signed out", async () => {
    const user = await createUser();
    const cookie = await signInCookie(user.email);
    expect(await userOfCookie(cookie)).toEqual({ id: user.id, email: user.email, name: user.name });
    await signOutWith(cookie);
    expect(await userOfCookie(cookie), "the old cookie, replayed after sign-out").toBeNull();
    // Signing in again works, with a new token.
    const fresh = await signInCookie(user.email);
    expect(await userOfCookie(fresh)).toMatchObject({ id: user.id });
  });

  it("sign out everywhere ends the sessions of every browser, and only that user's", async () => {
    const user = await createUser();
    const other = await createUser();
    const laptop = await signInCookie(user.email);
    const phone = await signInCookie(user.email);
    const othersCookie = await signInCookie(other.email);
    await endAllSessions(user.id);
    expect(await userOfCookie(laptop)).toBeNull();
    expect(await userOfCookie(phone)).toBeNull();
    expect(await userOfCookie(othersCookie), "another user stays signed in").toMatchObject({ id: other.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).sessionVersion).toBe(0);
  });

  it("refuses a token without a session version (issued before versions existed) and one of a deleted user", async () => {
    const user = await createUser();
    const legacy = await encode({ token: { sub: user.id, email: user.email }, secret: SECRET });
    expect(await userOfCookie(legacy)).toBeNull();
    const cookie = await signInCookie(user.email);
    await db.user.delete({ where: { id: user.id } });
    expect(await userOfCookie(cookie)).toBeNull();
  });
});
