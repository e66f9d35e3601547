import "server-only";
import { hash, verify, type Options } from "@node-rs/argon2";

// argon2id (Algorithm.Argon2id = 2; a const enum cannot be imported under isolatedModules) with
// OWASP's minimum cost: 19 MiB of memory, two passes, one lane.
const OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown makes both sign-in failures cost the same.
let dummyHash: Promise<string> | undefined;
export const getDummyHash = () => (dummyHash ??= hashPassword("not-a-real-password-for-timing"));
