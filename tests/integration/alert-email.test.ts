import type { AddressInfo } from "node:net";
import type { EmailFrequency } from "@db/enums";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

// A real SMTP server in this process: every message the app sends lands in `inbox`, parsed. With
// `refuse` set it refuses the message after DATA, as a server that is full or down would.
const inbox: ParsedMail[] = [];
let refuse = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    if (refuse) {
      stream.on("data", () => {});
      stream.on("end", () => callback(Object.assign(new Error("Mailbox full, try later"), { responseCode: 452 })));
      return;
    }
    simpleParser(stream).then(
      (mail) => {
        inbox.push(mail);
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
// Before anything calls env() (which caches): the server modules are imported after this line.
const previousSmtpUrl = process.env.SMTP_URL;
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const { db } = await import("@/server/db");
const { deliverAlerts } = await import("@/server/notifications/deliver");
const { updateEmailFrequency } = await import("@/server/notifications/preferences");
const { POST, GET } = await import("@/app/api/unsubscribe/route");
const { addMember, createOrganization, tenantOf } = await import("../factories");
const { expectFailure, expectOk } = await import("../support/assertions");

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = previousSmtpUrl;
});

beforeEach(() => {
  inbox.length = 0;
  refuse = false;
});

// 03:00 UTC on 4 December is still 3 December (22:00) in New York, the organizations' zone: an
// alert snoozed until 4 December is still hidden, one snoozed until 3 December shows again.
const NOW = new Date("2026-12-04T03:00:00.000Z");
const EARLIER = new Date("2026-12-01T12:00:00.000Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const minutesBefore = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

let alertSeq = 0;
async function alert(
  organizationId: string,
  userId: string,
  title: string,
  extra: { escalated?: boolean; notifiedAt?: Date; snoozedUntil?: Date; clearedAt?: Date } = {},
) {
  alertSeq += 1;
  return db.alert.create({
    data: {
      organizationId,
      userId,
      key: `test:${alertSeq}`,
      kind: "redMonth",
      title,
      context: ["Marketing", "November 2026"],
      href: `/o/somewhere/departments/d${alertSeq}?period=m-2026-11#narrative-2026-11`,
      openedAt: minutesBefore(1000 - alertSeq),
      lastSeenAt: NOW,
      ...extra,
    },
  });
}

async function setFrequency(userId: string, emailFrequency: EmailFrequency) {
  await db.user.update({ where: { id: userId }, data: { emailFrequency } });
}

const frequencyOf = async (userId: string) =>
  (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { emailFrequency: true } })).emailFrequency;

const recipients = (mail: ParsedMail) => [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));

/** A raw header line (mailparser folds List-* headers into one parsed object; the raw lines stay). */
const headerLine = (mail: ParsedMail, key: string) =>
  (mail as ParsedMail & { headerLines: { key: string; line: string }[] }).headerLines.find((l) => l.key === key)
    ?.line ?? "";

/** The List-Unsubscribe header's address. */
function listUnsubscribeUrl(mail: ParsedMail): string {
  const line = headerLine(mail, "list-unsubscribe");
  const match = /<([^>]+)>/.exec(line);
  if (!match?.[1]) throw new Error(`no List-Unsubscribe address in ${line}`);
  return match[1];
}

const oneClick = (url: string) =>
  POST(
    new Request(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );

/** Acme (with Pat and Quinn) and Beta (with Pat too), each alerting its people. */
async function twoOrganizations() {
  const acme = await createOrganization("Acme Inc");
  const beta = await createOrganization("Beta LLC");
  const pat = await addMember(acme.organization.id, "VIEWER");
  await db.membership.create({ data: { organizationId: beta.organization.id, userId: pat.user.id, role: "VIEWER" } });
  const quinn = await addMember(acme.organization.id, "VIEWER");
  const a = acme.organization.id;
  const alerts = {
    fresh: await alert(a, pat.user.id, "Explain why November 2026 was red: write its “why” and “what next”"),
    told: await alert(a, pat.user.id, 'Review <the> claim "Q4 launch"', { escalated: true, notifiedAt: EARLIER }),
    snoozed: await alert(a, pat.user.id, "Snoozed until tomorrow", { snoozedUntil: day("2026-12-04") }),
    backToday: await alert(a, pat.user.id, "Snooze ended today", { snoozedUntil: day("2026-12-03") }),
    cleared: await alert(a, pat.user.id, "Already cleared", { clearedAt: minutesBefore(60) }),
    quinns: await alert(a, quinn.user.id, "Quinn's own item"),
    patInBeta: await alert(beta.organization.id, pat.user.id, "Pat's item in Beta"),
  };
  return { acme, beta, pat: pat.user, quinn: quinn.user, alerts };
}

describe("deliverAlerts: the daily digest", () => {
  it("sends the person exactly their open alerts in this organization, once per period", async () => {
    const { acme, pat, alerts } = await twoOrganizations();
    const ctx = await tenantOf(acme.organization.id);

    expect(await deliverAlerts(ctx, pat.id, "DAILY", "2026-12-03", NOW)).toEqual({ sent: true, alertCount: 3 });

    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(recipients(mail)).toEqual([pat.email]);
    expect(mail.subject).toBe("Acme Inc — your daily digest: 3 open items");
    const html = String(mail.html);
    for (const shown of [alerts.fresh, alerts.told, alerts.backToday]) {
      expect(mail.text).toContain(shown.title);
      expect(mail.text).toContain(`Open: http://localhost:3000${shown.href}`);
      expect(html).toContain(`href="http://localhost:3000${shown.href}"`);
    }
    expect(html).toContain("Review &lt;the&gt; claim &quot;Q4 launch&quot;");
    expect(mail.text).toContain('- [Escalated] Review <the> claim "Q4 launch"');
    expect(mail.text).toContain("What you owe in Acme Inc today: 3 open items (2 new).");
    for (const hidden of [
      "Snoozed until tomorrow",
      "Already cleared",
      "Quinn's own item",
      "Pat's item in Beta",
      "Beta",
    ])
      expect(mail.text).not.toContain(hidden);
    expect(mail.text).toContain(`http://localhost:3000/o/${acme.organization.slug}/settings/notifications`);

    const delivery = await db.emailDelivery.findMany({ where: { organizationId: acme.organization.id } });
    expect(delivery).toMatchObject([{ userId: pat.id, kind: "DAILY", periodKey: "2026-12-03", alertCount: 3 }]);
    expect(delivery[0]?.messageId).toBe(mail.messageId);
    const notified = async (id: string) =>
      (
        await db.alert.findUniqueOrThrow({
          where: {
            organizationId_id: {
              organizationId: id === alerts.patInBeta.id ? alerts.patInBeta.organizationId : acme.organization.id,
              id,
            },
          },
        })
      ).notifiedAt;
    expect(await notified(alerts.fresh.id)).toEqual(NOW);
    expect(await notified(alerts.backToday.id)).toEqual(NOW);
    expect(await notified(alerts.told.id)).toEqual(EARLIER);
    expect(await notified(alerts.snoozed.id)).toBeNull();
    expect(await notified(alerts.cleared.id)).toBeNull();
    expect(await notified(alerts.quinns.id)).toBeNull();
    expect(await notified(alerts.patInBeta.id)).toBeNull();

    // The job retried for the same day: nothing is sent again.
    expect(await deliverAlerts(ctx, pat.id, "DAILY", "2026-12-03", NOW)).toEqual({ sent: false, alertCount: 0 });
    expect(inbox).toHaveLength(1);
    expect(await db.emailDelivery.count()).toBe(1);
  });

  it("sends every member whose frequency is the kind, and no one else", async () => {
    const { acme, beta, pat, quinn } = await twoOrganizations();
    const rita = await addMember(acme.organization.id, "FINANCE");
    await alert(acme.organization.id, rita.user.id, "Rita's item");
    await setFrequency(rita.user.id, "WEEKLY");
    const ctx = await tenantOf(acme.organization.id);

    // The daily digest job asks for every member; the owner, Pat and Quinn are DAILY (the
    // default), the owner has nothing open, Rita reads the weekly one.
    const members = await db.membership.findMany({ where: { organizationId: acme.organization.id } });
    const results = [];
    for (const m of members) results.push(await deliverAlerts(ctx, m.userId, "DAILY", "2026-12-03", NOW));
    expect(
      results
        .filter((r) => r.sent)
        .map((r) => r.alertCount)
        .sort(),
    ).toEqual([1, 3]);
    expect(inbox.map((m) => [recipients(m)[0], m.subject]).sort()).toEqual(
      [
        [pat.email, "Acme Inc — your daily digest: 3 open items"],
        [quinn.email, "Acme Inc — your daily digest: 1 open item"],
      ].sort(),
    );
    expect(await db.emailDelivery.count({ where: { organizationId: beta.organization.id } })).toBe(0);
  });
});

describe("deliverAlerts: who gets nothing", () => {
  it("sends nothing to a person whose frequency is another kind or NONE, nor to a non-member or an unverified address", async () => {
    const { acme, beta, pat, quinn } = await twoOrganizations();
    const ctx = await tenantOf(acme.organization.id);
    await setFrequency(pat.id, "NONE");
    await setFrequency(quinn.id, "WEEKLY");
    for (const kind of ["IMMEDIATE", "DAILY", "WEEKLY"] as const)
      expect(await deliverAlerts(ctx, pat.id, kind, "2026-12-03", NOW)).toEqual({ sent: false, alertCount: 0 });
    expect(await deliverAlerts(ctx, quinn.id, "DAILY", "2026-12-03", NOW)).toEqual({ sent: false, alertCount: 0 });
    // Quinn is not a member of Beta: Beta's job cannot email Quinn, even with the right kind.
    const betaCtx = await tenantOf(beta.organization.id);
    expect(await deliverAlerts(betaCtx, quinn.id, "WEEKLY", "2026-11-30", NOW)).toEqual({ sent: false, alertCount: 0 });
    expect(inbox).toHaveLength(0);
    expect(await db.emailDelivery.count()).toBe(0);

    // An address not yet verified is sent nothing; verified, the same call sends.
    await db.user.update({ where: { id: quinn.id }, data: { emailVerifiedAt: null } });
    expect(await deliverAlerts(ctx, quinn.id, "WEEKLY", "2026-11-30", NOW)).toEqual({ sent: false, alertCount: 0 });
    expect(inbox).toHaveLength(0);
    await db.user.update({ where: { id: quinn.id }, data: { emailVerifiedAt: NOW } });
    expect(await deliverAlerts(ctx, quinn.id, "WEEKLY", "2026-11-30", NOW)).toEqual({ sent: true, alertCount: 1 });
    expect(inbox.map((m) => m.subject)).toEqual(["Acme Inc — your weekly digest: 1 open item"]);
  });
});

describe("deliverAlerts: immediate", () => {
  it("sends only alerts no email has told of yet, and marks them", async () => {
    const { acme, pat, alerts } = await twoOrganizations();
    await setFrequency(pat.id, "IMMEDIATE");
    const ctx = await tenantOf(acme.organization.id);

    expect(await deliverAlerts(ctx, pat.id, "IMMEDIATE", "2026-12-04T03:00", NOW)).toEqual({
      sent: true,
      alertCount: 2,
    });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.subject).toBe("Acme Inc: 2 things need you");
    expect(inbox[0]?.text).toContain(alerts.fresh.title);
    expect(inbox[0]?.text).toContain(alerts.backToday.title);
    expect(inbox[0]?.text).not.toContain("Q4 launch");
    const unnotified = await db.alert.count({
      where: { organizationId: acme.organization.id, userId: pat.id, notifiedAt: null },
    });
    expect(unnotified).toBe(2); // the snoozed and the cleared ones

    // The next slot finds nothing new: no email, no delivery row.
    const later = new Date(NOW.getTime() + 15 * 60_000);
    expect(await deliverAlerts(ctx, pat.id, "IMMEDIATE", "2026-12-04T03:15", later)).toEqual({
      sent: false,
      alertCount: 0,
    });
    expect(inbox).toHaveLength(1);
    expect(await db.emailDelivery.count()).toBe(1);
  });
});

describe("deliverAlerts: a mail server that refuses", () => {
  it("throws, records no delivery and leaves the alerts un-notified; the retry sends", async () => {
    const { acme, pat, alerts } = await twoOrganizations();
    const ctx = await tenantOf(acme.organization.id);
    refuse = true;
    await expect(deliverAlerts(ctx, pat.id, "DAILY", "2026-12-03", NOW)).rejects.toThrow(/Mailbox full/);
    expect(await db.emailDelivery.count()).toBe(0);
    const fresh = await db.alert.findUniqueOrThrow({
      where: { organizationId_id: { organizationId: acme.organization.id, id: alerts.fresh.id } },
    });
    expect(fresh.notifiedAt).toBeNull();
    expect(inbox).toHaveLength(0);

    refuse = false;
    expect(await deliverAlerts(ctx, pat.id, "DAILY", "2026-12-03", NOW)).toEqual({ sent: true, alertCount: 3 });
    expect(inbox).toHaveLength(1);
  });
});

describe("unsubscribe", () => {
  it("the email's one-click address stops every email to that person; opening it (GET) changes nothing", async () => {
    const { acme, pat, quinn } = await twoOrganizations();
    const ctx = await tenantOf(acme.organization.id);
    await deliverAlerts(ctx, pat.id, "DAILY", "2026-12-03", NOW);
    const mail = inbox[0]!;
    const url = listUnsubscribeUrl(mail);
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/unsubscribe\?token=/);
    expect(headerLine(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    // The body's link opens the page that asks first, with the same token.
    const token = new URL(url).searchParams.get("token") ?? "";
    expect(mail.text).toContain(`http://localhost:3000/unsubscribe?token=${encodeURIComponent(token)}`);

    const opened = GET(new Request(url));
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`http://localhost:3000/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(await frequencyOf(pat.id)).toBe("DAILY");

    const response = await oneClick(url);
    expect(response.status).toBe(200);
    expect(await frequencyOf(pat.id)).toBe("NONE");
    expect(await frequencyOf(quinn.id)).toBe("DAILY");
    // The next day's digest is not sent.
    expect(await deliverAlerts(ctx, pat.id, "DAILY", "2026-12-04", NOW)).toEqual({ sent: false, alertCount: 0 });
  });

  it("refuses a forged or altered token with 400 and changes nothing", async () => {
    const { acme, pat, quinn } = await twoOrganizations();
    await deliverAlerts(await tenantOf(acme.organization.id), pat.id, "DAILY", "2026-12-03", NOW);
    const url = new URL(listUnsubscribeUrl(inbox[0]!));
    const [subject, expiry, signature] = (url.searchParams.get("token") ?? "").split(".");
    expect(subject).toBe(pat.id);
    const flipped = `${signature?.slice(0, -1)}${signature?.endsWith("A") ? "B" : "A"}`;
    const forgeries = [
      `${quinn.id}.${expiry}.${signature}`, // Pat's signature on Quinn's id
      `${pat.id}.${expiry}.${flipped}`, // an altered signature
      `${pat.id}.9999999999.${signature}`, // an altered expiry
      `${quinn.id}.0.`, // no signature
      "",
    ];
    for (const token of forgeries) {
      const forged = new URL(url);
      forged.searchParams.set("token", token);
      const response = await oneClick(forged.toString());
      expect(response.status, token).toBe(400);
    }
    const none = new URL(url);
    none.searchParams.delete("token");
    expect((await oneClick(none.toString())).status).toBe(400);
    expect(await frequencyOf(pat.id)).toBe("DAILY");
    expect(await frequencyOf(quinn.id)).toBe("DAILY");
  });
});

describe("updateEmailFrequency (the settings action)", () => {
  it("changes the member's own frequency, for all their organizations", async () => {
    const { acme, pat } = await twoOrganizations();
    const result = expectOk(await updateEmailFrequency(pat.id, acme.organization.slug, { emailFrequency: "WEEKLY" }));
    expect(result).toEqual({ emailFrequency: "WEEKLY" });
    expect(await frequencyOf(pat.id)).toBe("WEEKLY");
  });

  it("names the field when the choice is not one of the four", async () => {
    const { acme, pat } = await twoOrganizations();
    const failure = await updateEmailFrequency(pat.id, acme.organization.slug, { emailFrequency: "HOURLY" });
    expectFailure(failure, "VALIDATION");
    expect(!failure.ok && failure.fieldErrors?.emailFrequency?.[0]).toBe(
      "Email frequency: choose Immediate, Daily digest, Weekly digest or None.",
    );
    expect(await frequencyOf(pat.id)).toBe("DAILY");
  });

  it("answers not-found to a member of another organization, and changes nothing", async () => {
    const { beta, quinn } = await twoOrganizations();
    expectFailure(
      await updateEmailFrequency(quinn.id, beta.organization.slug, { emailFrequency: "NONE" }),
      "NOT_FOUND",
    );
    expectFailure(await updateEmailFrequency(quinn.id, "no-such-org", { emailFrequency: "NONE" }), "NOT_FOUND");
    expectFailure(
      await updateEmailFrequency(null, beta.organization.slug, { emailFrequency: "NONE" }),
      "UNAUTHENTICATED",
    );
    expect(await frequencyOf(quinn.id)).toBe("DAILY");
  });
});
