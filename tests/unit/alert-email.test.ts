import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/html";
import { renderAlertEmail, type TAlertEmailInput } from "@/server/notifications/render";

const NARRATIVE = "https://app.example/o/acme/departments/d1?period=m-2026-11#narrative-2026-11";
const CLAIM = "https://app.example/o/acme/departments/d2?period=m-2026-10&tab=claims#claim-7";
const SETTINGS = "https://app.example/o/acme/settings/notifications";
const UNSUBSCRIBE = "https://app.example/unsubscribe?token=u1.0.sig";

const base: TAlertEmailInput = {
  organizationName: "Acme Inc",
  personName: "Dana",
  kind: "IMMEDIATE",
  alerts: [
    {
      title: "Explain why November 2026 was red: write its “why” and “what next”",
      context: ["Marketing", "November 2026"],
      href: NARRATIVE,
      escalated: false,
      isNew: true,
    },
    {
      title: 'Review the claim "Q4 <launch> & co"',
      context: ["Sales", "October 2026", "$1,200.00"],
      href: CLAIM,
      escalated: true,
      isNew: true,
    },
  ],
  settingsUrl: SETTINGS,
  unsubscribeUrl: UNSUBSCRIBE,
};

const one = { ...base, alerts: base.alerts.slice(0, 1) };
const three = { ...base, alerts: [...base.alerts, { ...base.alerts[0]!, title: "Close October 2026", isNew: false }] };

describe("renderAlertEmail subject", () => {
  it("names the organization and counts what is owed, in the singular for one", () => {
    expect(renderAlertEmail(base).subject).toBe("Acme Inc: 2 things need you");
    expect(renderAlertEmail(one).subject).toBe("Acme Inc: 1 thing needs you");
    expect(renderAlertEmail({ ...three, kind: "DAILY" }).subject).toBe("Acme Inc — your daily digest: 3 open items");
    expect(renderAlertEmail({ ...one, kind: "DAILY" }).subject).toBe("Acme Inc — your daily digest: 1 open item");
    expect(renderAlertEmail({ ...base, kind: "WEEKLY" }).subject).toBe("Acme Inc — your weekly digest: 2 open items");
  });
});

describe("renderAlertEmail bodies", () => {
  it("escapes quotes and angle brackets in the HTML, and keeps the text as written", () => {
    const { html, text } = renderAlertEmail(base);
    expect(html).toContain("Review the claim &quot;Q4 &lt;launch&gt; &amp; co&quot;");
    expect(html).not.toContain("<launch>");
    expect(html).not.toContain('"Q4');
    expect(text).toContain('Review the claim "Q4 <launch> & co"');
    // Typographic quotes are text, not markup: they stay as they are.
    expect(html).toContain("write its “why” and “what next”");
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("gives every item its title, its context joined with ' · ' and its absolute link, in both bodies", () => {
    const { html, text } = renderAlertEmail(base);
    expect(text).toContain("Marketing · November 2026");
    expect(text).toContain("Sales · October 2026 · $1,200.00");
    expect(html).toContain("Sales · October 2026 · $1,200.00");
    expect(text).toContain(`Open: ${NARRATIVE}`);
    expect(text).toContain(`Open: ${CLAIM}`);
    expect(html).toContain(`<a href="${NARRATIVE}"`);
    // The & of the query string is escaped inside the attribute.
    expect(html).toContain(`<a href="${CLAIM.replace("&", "&amp;")}"`);
    expect(html.match(/>Open<\/a>/g)).toHaveLength(2);
  });

  it("marks the escalated item, and only it", () => {
    const { html, text } = renderAlertEmail(base);
    expect(text).toContain("- [New] Explain why November 2026");
    expect(text).toContain('- [Escalated] [New] Review the claim "Q4');
    expect(html.match(/>Escalated<\/span>/g)).toHaveLength(1);
    expect(html.indexOf(">Escalated</span>")).toBeGreaterThan(html.indexOf("Explain why November"));
  });

  it("marks new items in a digest and says how many are new", () => {
    const { text, html } = renderAlertEmail({ ...three, kind: "DAILY" });
    expect(text).toContain("What you owe in Acme Inc today: 3 open items (2 new).");
    expect(text).toContain("- Close October 2026");
    expect(html.match(/>New<\/span>/g)).toHaveLength(2);
  });

  it("ends with why it was sent, a link to change how often and the one-click unsubscribe link", () => {
    const { html, text } = renderAlertEmail({ ...base, kind: "WEEKLY" });
    expect(text).toContain('your email setting is "Weekly digest"');
    expect(text).toContain(`Change how often you get email: ${SETTINGS}`);
    expect(text).toContain(`Unsubscribe from all Revtrace email: ${UNSUBSCRIBE}`);
    expect(html).toContain(`<a href="${SETTINGS}"`);
    expect(html).toContain(`<a href="${UNSUBSCRIBE}"`);
    expect(html).toContain(">Unsubscribe from all Revtrace email</a>");
    expect(html).not.toContain("<table");
  });

  it("refuses a link that is not absolute http(s)", () => {
    const relative = { ...one, alerts: [{ ...one.alerts[0]!, href: "/o/acme/departments/d1" }] };
    expect(() => renderAlertEmail(relative)).toThrow();
    const script = { ...one, alerts: [{ ...one.alerts[0]!, href: "javascript:alert(1)" }] };
    expect(() => renderAlertEmail(script)).toThrow(/Not an http/);
  });
});
