import { describe, expect, it } from "vitest";
import { ZSignUpInput } from "@/lib/schemas/auth";
import { ZCreateDepartmentInput } from "@/lib/schemas/departments";
import { ZInviteMemberInput } from "@/lib/schemas/members";
import { ZUpdateOrganizationInput } from "@/lib/schemas/organization";

const organization = { name: "Acme", currency: "usd", fiscalYearStartMonth: "4", timeZone: "Europe/Berlin" };
const valid = { name: "Ada", email: "  Ada@Example.COM ", password: "12345678", organization };

function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("ZSignUpInput", () => {
  it("normalizes email and currency and coerces the month", () => {
    const parsed = ZSignUpInput.parse(valid);
    expect(parsed.email).toBe("ada@example.com");
    expect(parsed.organization).toEqual({
      name: "Acme",
      currency: "USD",
      fiscalYearStartMonth: 4,
      timeZone: "Europe/Berlin",
    });
  });

  it("accepts passwords of exactly 8 and 128 characters and refuses 7 and 129", () => {
    expect(ZSignUpInput.safeParse({ ...valid, password: "x".repeat(8) }).success).toBe(true);
    expect(ZSignUpInput.safeParse({ ...valid, password: "x".repeat(128) }).success).toBe(true);
    expect(fieldErrors(ZSignUpInput.safeParse({ ...valid, password: "x".repeat(7) }))).toEqual({
      password: "Use at least 8 characters.",
    });
    expect(fieldErrors(ZSignUpInput.safeParse({ ...valid, password: "x".repeat(129) }))).toEqual({
      password: "Use at most 128 characters.",
    });
  });

  it("names each bad field with its reason", () => {
    const result = ZSignUpInput.safeParse({
      name: " ",
      email: "not-an-email",
      password: "short",
      organization: { name: "A", currency: "XYZ1", fiscalYearStartMonth: "13", timeZone: "Mars/Olympus" },
    });
    expect(fieldErrors(result)).toEqual({
      name: "Enter your name.",
      email: "Enter a valid email address, like name@company.com.",
      password: "Use at least 8 characters.",
      "organization.name": "Organization names have at least 2 characters.",
      "organization.currency": "Choose an ISO 4217 currency code, like USD or EUR.",
      "organization.fiscalYearStartMonth": "Choose a month from January to December.",
      "organization.timeZone": "Choose an IANA time zone, like Europe/Berlin.",
    });
  });
});

describe("ZUpdateOrganizationInput", () => {
  it("requires the at-risk threshold below the on-track one", () => {
    const result = ZUpdateOrganizationInput.safeParse({
      ...organization,
      onTrackThresholdPct: "90",
      atRiskThresholdPct: "95",
    });
    expect(fieldErrors(result)).toEqual({
      atRiskThresholdPct: "The at-risk threshold must be below the on-track threshold.",
    });
    expect(
      ZUpdateOrganizationInput.parse({ ...organization, onTrackThresholdPct: "100", atRiskThresholdPct: "92.5" })
        .atRiskThresholdPct,
    ).toBe(92.5);
  });
});

describe("ZInviteMemberInput", () => {
  it("turns an empty department into null and refuses an unknown role", () => {
    expect(ZInviteMemberInput.parse({ email: "a@b.co", role: "VIEWER", departmentId: "" }).departmentId).toBeNull();
    expect(fieldErrors(ZInviteMemberInput.safeParse({ email: "a@b.co", role: "GOD" }))).toEqual({
      role: "Choose a role.",
    });
  });
});

describe("ZCreateDepartmentInput", () => {
  it("refuses an unknown kind and a one-letter name", () => {
    expect(fieldErrors(ZCreateDepartmentInput.safeParse({ name: "X", kind: "PIRATES" }))).toEqual({
      name: "Department names have at least 2 characters.",
      kind: "Choose a department kind.",
    });
  });
});
