import { expect, test, type Request } from "@playwright/test";
import { DEMO, DEMO_ORG, signIn, visit } from "./support/helpers";

// Route loading states (issue 12): the list pages show a skeleton while they load, and the pages
// that answer a missing record with notFound() stay outside those boundaries, so a missing deal,
// department or month is still an HTTP 404 (a notFound streamed inside a loading boundary is a 200).

const ORG = `/o/${DEMO_ORG.slug}`;

test("a missing deal, department or month is a 404 inside the organization's layout", async ({ page }) => {
  await signIn(page, DEMO.owner);
  for (const path of [
    "/pipeline/no-such-deal",
    "/departments/no-such-department",
    "/departments/no-such-department/import",
    "/revenue/close/not-a-month",
  ]) {
    const response = await visit(page, `${ORG}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" }), path).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
});

test("while the pipeline loads, a skeleton holds its place; then the page replaces it", async ({ page }) => {
  await signIn(page, DEMO.owner);
  // The link's prefetch of the pipeline brings its loading state: wait until that has arrived (the
  // prefetch of the route's tree alone, "next-router-segment-prefetch", does not bring it).
  let prefetched = false;
  // The router stops reading a prefetch once it has what it needs: it ends as "failed" as often as "finished".
  const onSettled = (request: Request) => {
    const headers = request.headers();
    // From the departments page ("next-url"), not one aborted by leaving the page signing in lands on.
    if (
      new URL(request.url()).pathname === `${ORG}/pipeline` &&
      headers["next-url"] === `${ORG}/departments` &&
      headers["next-router-prefetch"] &&
      !headers["next-router-segment-prefetch"]
    )
      prefetched = true;
  };
  page.on("requestfinished", onSettled);
  page.on("requestfailed", onSettled);
  await visit(page, `${ORG}/departments`);
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pipeline" });
  await expect.poll(() => prefetched).toBe(true);
  // Hold the pipeline's page data (not its prefetch) until the skeleton has been seen: no timing involved.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === `${ORG}/pipeline`,
    async (route) => {
      const headers = route.request().headers();
      if (headers.rsc && !headers["next-router-prefetch"]) await held;
      await route.continue();
    },
  );
  await link.click();
  const skeleton = page.getByTestId("page-skeleton");
  await expect(skeleton).toBeVisible();
  await expect(skeleton).toHaveAttribute("aria-busy", "true");
  await expect(skeleton.getByRole("status")).toHaveText("Loading the pipeline…");
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toHaveCount(0);
  release();
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toBeVisible();
  await expect(skeleton).toHaveCount(0);
});
