import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { DEMO, DEMO_ORG, card, signIn, visit } from "./support/helpers";
import { chooseImportFile, mapAndCheck } from "./support/revenue";

// Finding 6 of issue 10, no security headers: another page of the same site could frame the
// signed-in settings page. Every response now carries a nonce-based CSP and the other headers, and
// the app still works with the CSP on.

type THeaders = Record<string, string>;

function expectSecurityHeaders(headers: THeaders, what: string) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${what}: CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what}: scripts only with a nonce`).toMatch(
    /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'(;|$)/,
  );
  expect(csp, `${what}: no inline scripts`).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-frame-options"], what).toBe("DENY");
  // Served over plain http here: HSTS is sent only over https (see README).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

const headersOf = (response: Response | APIResponse | null) => {
  expect(response).not.toBeNull();
  return response!.headers();
};

/** CSP violations and script errors, as the browser reports them. */
function watchForCspViolations(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame|connect)/i.test(message.text()))
      problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test("every kind of response carries the security headers: pages, server actions, route handlers, exports", async ({
  page,
}) => {
  expectSecurityHeaders(headersOf(await page.goto("/sign-in")), "sign-in page");
  await signIn(page, DEMO.owner);
  expectSecurityHeaders(headersOf(await page.goto(`/o/${DEMO_ORG.slug}`)), "dashboard page");
  const settings = await visit(page, `/o/${DEMO_ORG.slug}/settings`);
  expectSecurityHeaders(headersOf(settings), "settings page");

  // Each page gets its own nonce, and Next.js puts it on its scripts.
  const nonce = /'nonce-([^']+)'/.exec(headersOf(settings)["content-security-policy"] ?? "")?.[1];
  expect(
    await page
      .locator("script[src]")
      .first()
      .evaluate((s) => (s as HTMLScriptElement).nonce),
  ).toBe(nonce);
  const again = headersOf(await page.request.get(`/o/${DEMO_ORG.slug}/settings`))["content-security-policy"];
  expect(again).not.toContain(`'nonce-${nonce}'`);

  // A server action: saving the organization's settings unchanged.
  const organization = card(page, "Organization");
  const [action] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined),
    organization.getByRole("button", { name: "Save settings" }).click(),
  ]);
  expect(action.status()).toBe(200);
  expectSecurityHeaders(action.headers(), "server action");

  // Route handlers and exports.
  expectSecurityHeaders(headersOf(await page.request.get("/api/health")), "health route");
  expectSecurityHeaders(headersOf(await page.request.get("/api/auth/session")), "next-auth route");
  const exported = await page.request.get(`/o/${DEMO_ORG.slug}/export/dashboard`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toContain("text/csv");
  expectSecurityHeaders(exported.headers(), "dashboard export");
  const imported = await page.request.post(`/o/${DEMO_ORG.slug}/revenue/import/api`, {
    multipart: { intent: "nothing" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(imported.status()).toBe(400);
  expectSecurityHeaders(imported.headers(), "import route");
  // Build assets get the static ones.
  const script = await page.locator("script[src]").first().getAttribute("src");
  const asset = await page.request.get(script ?? "");
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
});

test("another page of the same site cannot frame the signed-in settings page", async ({ page }) => {
  const problems = watchForCspViolations(page);
  await signIn(page, DEMO.owner);
  // A same-origin page (the health route's JSON) that tries to frame settings.
  await page.goto("/api/health");
  await page.evaluate(() => {
    const frame = document.createElement("iframe");
    frame.src = "/o/acme/settings";
    frame.title = "framed settings";
    document.body.append(frame);
  });
  await expect
    .poll(() => problems.some((p) => /frame-ancestors/.test(p)), { message: "the browser refuses the frame" })
    .toBe(true);
  await expect(page.frameLocator("iframe").getByRole("heading", { name: "Settings" })).toHaveCount(0);
});

test("the app works with the CSP on: no violation on the dashboard charts, the pipeline and the import wizard", async ({
  page,
}) => {
  const problems = watchForCspViolations(page);
  await signIn(page, DEMO.owner);
  await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
  // recharts draws its SVG (the target-versus-actual chart and the bridge).
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await visit(page, `/o/${DEMO_ORG.slug}/pipeline`);
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toBeVisible();
  await chooseImportFile(page, DEMO_ORG.slug, "orders-export-fixed.csv");
  const preview = await mapAndCheck(page);
  // The wizard read and checked the file in the browser and on the server (the demo's January is
  // closed, so its rows are named as such: the check itself is what matters here).
  await expect(preview.getByText("orders-export-fixed.csv: 39 rows.", { exact: false })).toBeVisible();
  expect(problems).toEqual([]);
});

test("a server action posted from another origin is refused with 403, not 500", async ({ page }) => {
  await signIn(page, DEMO.owner);
  const response = await page.request.post(`/o/${DEMO_ORG.slug}/settings`, {
    headers: {
      Origin: "http://evil.example",
      "Next-Action": "0123456789abcdef0123456789abcdef01234567",
      "Content-Type": "text/plain;charset=UTF-8",
    },
    data: "[]",
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe("This request came from another site and was refused.");
});
