// An API token's state as the settings list shows it, in words (never colour alone). Revoked wins
// over expired: a revoked token never comes back, whatever its expiry said.

export type TApiTokenStatus = "Active" | "Expired" | "Revoked";

export function apiTokenStatus(token: { expiresAt: Date | null; revokedAt: Date | null }, at: Date): TApiTokenStatus {
  if (token.revokedAt) return "Revoked";
  if (token.expiresAt && token.expiresAt <= at) return "Expired";
  return "Active";
}
