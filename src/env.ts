import "server-only";
import { z } from "zod";

// Validated once, on first use; instrumentation.ts calls it at server start so a bad
// configuration stops the server immediately instead of failing on the first request.
const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
    NEXTAUTH_URL: z.url().optional(),
    SESSION_MAX_AGE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /**
     * How many reverse proxies in front of the app append the client's address to X-Forwarded-For
     * (0: none, the headers are the client's own word and are ignored). src/server/client-address.ts.
     */
    TRUSTED_PROXY: z.coerce.number({ error: "must be a number of proxies (0, 1, 2…)" }).int().min(0).max(10).default(0),
    /** Requests each API token may make per minute, shared by every app instance (src/server/api/rate-limit.ts). */
    API_RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ error: "must be a whole number of requests" })
      .int()
      .min(1)
      .max(100_000)
      .default(600),
    /**
     * Where email goes (src/server/email/mailer.ts): an smtp:// or smtps:// URL. Unset, every message
     * is written to MAIL_DIR as an .eml file instead: nothing is sent and nothing is lost.
     */
    SMTP_URL: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    ),
    /** The sender of every email. */
    MAIL_FROM: z.string().min(3).default("Revtrace <revtrace@localhost>"),
    /** The folder of .eml files when SMTP_URL is unset (relative to the working directory). */
    MAIL_DIR: z.string().min(1).default(".data/mail"),
    /** End-to-end tests only: lets a request fix "now" with a cookie (src/server/clock.ts). */
    ALLOW_TEST_CLOCK: z
      .enum(["0", "1"])
      .default("0")
      .transform((v) => v === "1"),
    /** Set by the README's run command; a deployed app never honours a test clock. */
    REVTRACE_RUN_COMMAND: z.enum(["0", "1"]).default("0"),
  })
  .refine((e) => !(e.ALLOW_TEST_CLOCK && e.REVTRACE_RUN_COMMAND === "1"), {
    path: ["ALLOW_TEST_CLOCK"],
    message: "is for end-to-end tests only; the run command refuses it",
  });

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

/** Validates an environment; throws an error naming every bad variable and why. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return parsed.data;
}

export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
