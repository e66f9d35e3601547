import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  DEFAULT_DEPARTMENTS,
  DEMO,
  DEMO_ORG,
  card,
  signIn,
  createInvitation,
  departmentRow,
  formMessage,
  memberRow,
  openSettingsSection,
  signUpFreshOwner,
  uniqueId,
  visit,
  reload,
} from "./support/helpers";
import { joinThroughInvitation } from "./support/invitations";

// Everything here runs against a freshly signed-up organization, never the shared demo one.

test("the owner edits the organization's settings; an inconsistent threshold is refused next to its field", async ({
  page,
}) => {
  const owner = await signUpFreshOwner(page, "settings");
  await visit(page, `/o/${owner.slug}/settings`);
  const organization = card(page, "Organization");
  const onTrack = organization.getByLabel("On track at (% of target)");
  const atRisk = organization.getByLabel("At risk at (% of target)");
  await expect(onTrack).toHaveValue("100");
  await expect(atRisk).toHaveValue("90");

  // At risk above on track.
  await atRisk.fill("120");
  await organization.getByRole("button", { name: "Save settings" }).click();
  const message = "The at-risk threshold must be below the on-track threshold.";
  await expect(atRisk).toHaveAttribute("aria-invalid", "true");
  await expect(atRisk).toHaveAccessibleDescription(message);
  await expect(organization.getByText(message, { exact: true })).toBeVisible();
  await expect(atRisk).toHaveValue("120");
  await expect(organization.getByRole("status")).toHaveCount(0);
  await reload(page);
  await expect(atRisk).toHaveValue("90");

  // A consistent change, with a new name, is saved and shown.
  const renamed = `${owner.organization} Renamed`;
  await organization.getByLabel("Organization name").fill(renamed);
  await onTrack.fill("95");
  await atRisk.fill("80.5");
  await organization.getByRole("button", { name: "Save settings" }).click();
  await expect(formMessage(organization, "Organization settings saved.")).toBeVisible();
  await expect(atRisk).not.toHaveAttribute("aria-invalid");
  await expect(page.getByRole("combobox", { name: "Organization" }).getByRole("option", { name: renamed })).toHaveCount(
    1,
  );
  await reload(page);
  await expect(onTrack).toHaveValue("95");
  await expect(atRisk).toHaveValue("80.5");
  await expect(organization.getByLabel("Organization name")).toHaveValue(renamed);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
});

test("the demo's currency, fiscal-year start and time zone are locked, each saying why; a save keeps them", async ({
  page,
}) => {
  // The demo organization has money and closed months (read only here: nothing is saved that changes it).
  await signIn(page, DEMO.owner);
  await visit(page, `/o/${DEMO_ORG.slug}/settings`);
  const organization = card(page, "Organization");
  await expect(organization.getByLabel("Currency")).toBeDisabled();
  await expect(organization.getByLabel("Currency")).toHaveAccessibleDescription(
    "Locked: this organization already has targets or actuals in this currency.",
  );
  for (const field of ["Fiscal year starts in", "Time zone"]) {
    await expect(organization.getByLabel(field)).toBeDisabled();
    await expect(organization.getByLabel(field)).toHaveAccessibleDescription(
      /^Locked: \d+ months are closed, and changing this would move amounts between closed months\. Reopen every closed month to change it\.$/,
    );
  }
});

test("a new organization's currency, fiscal-year start and time zone stay editable", async ({ page }) => {
  const owner = await signUpFreshOwner(page, "unlocked");
  await visit(page, `/o/${owner.slug}/settings`);
  const organization = card(page, "Organization");
  for (const field of ["Currency", "Fiscal year starts in", "Time zone"])
    await expect(organization.getByLabel(field)).toBeEnabled();
});

test("the owner adds, renames and deletes an unused department", async ({ page }) => {
  const owner = await signUpFreshOwner(page, "departments");
  await visit(page, `/o/${owner.slug}/settings/departments`);
  const departments = card(page, "Departments");
  await expect(departments.getByRole("listitem")).toHaveCount(DEFAULT_DEPARTMENTS.length);

  await departments.getByLabel("Name", { exact: true }).fill("Partnerships");
  await departments.getByLabel("Kind").selectOption({ label: "Other" });
  await departments.getByRole("button", { name: "Add", exact: true }).click();
  await expect(formMessage(departments, "Department added.")).toBeVisible();
  const added = departmentRow(page, "Partnerships");
  await expect(added.getByLabel("Name · Other")).toHaveValue("Partnerships");
  await expect(departments.getByRole("listitem")).toHaveCount(DEFAULT_DEPARTMENTS.length + 1);

  // A name already in use is refused next to the field.
  await departments.getByLabel("Name", { exact: true }).fill("Legal");
  await departments.getByRole("button", { name: "Add", exact: true }).click();
  await expect(departments.getByLabel("Name", { exact: true })).toHaveAccessibleDescription(
    "A department with this name already exists (it may be archived).",
  );
  await expect(departments.getByRole("listitem")).toHaveCount(DEFAULT_DEPARTMENTS.length + 1);

  await added.getByLabel("Name · Other").fill("Alliances");
  await added.getByRole("button", { name: "Rename" }).click();
  const renamed = departmentRow(page, "Alliances");
  await expect(formMessage(renamed, "Department renamed.")).toBeVisible();
  await expect(departmentRow(page, "Partnerships")).toHaveCount(0);
  await reload(page);
  await expect(renamed.getByLabel("Name · Other")).toHaveValue("Alliances");

  // Nothing points at it: it is deleted, not archived.
  await renamed.getByRole("button", { name: "Remove" }).click();
  await expect(departmentRow(page, "Alliances")).toHaveCount(0);
  await expect(departments.getByRole("listitem")).toHaveCount(DEFAULT_DEPARTMENTS.length);
  await reload(page);
  await expect(departmentRow(page, "Alliances")).toHaveCount(0);
  await expect(departments.getByText("· archived")).toHaveCount(0);
});

/**
 * Invites a department head of `department` (from Settings → Invitations) and accepts in the head's
 * own browser; returns the head and their page.
 */
async function bindHead(page: Page, browser: Browser, organization: string, slug: string, department: string) {
  await visit(page, `/o/${slug}/settings/invitations`);
  const id = uniqueId();
  const head = { name: `Hana Head ${id}`, email: `head-${id}@e2e.example`, password: "a-strong-password" };
  const link = await createInvitation(page, { email: head.email, role: "Department head", department });
  const context = await browser.newContext();
  const headPage = await context.newPage();
  await visit(headPage, link);
  await expect(headPage.getByRole("heading", { name: `Join ${organization}` })).toBeVisible();
  await joinThroughInvitation(headPage, link, head);
  // A department head lands on My work.
  await expect(headPage).toHaveURL(`/o/${slug}/inbox`);
  await expect(headPage.getByTestId("current-user")).toHaveText(`${head.name} · Department head`);
  return { head, headPage, context };
}

test("a department with a bound head is archived, not deleted, and can be restored", async ({ page, browser }) => {
  const owner = await signUpFreshOwner(page, "archive");
  const { context } = await bindHead(page, browser, owner.organization, owner.slug, "Marketing");
  await context.close();

  await visit(page, `/o/${owner.slug}/settings/departments`);
  const marketing = departmentRow(page, "Marketing");
  await marketing.getByRole("button", { name: "Remove" }).click();
  await expect(marketing.getByLabel("Name · Marketing · archived")).toHaveValue("Marketing");
  await expect(marketing.getByRole("button", { name: "Restore" })).toBeVisible();
  await expect(marketing.getByRole("button", { name: "Remove" })).toHaveCount(0);

  await reload(page);
  await expect(departmentRow(page, "Marketing").getByLabel("Name · Marketing · archived")).toHaveValue("Marketing");
  await expect(card(page, "Departments").getByRole("listitem")).toHaveCount(DEFAULT_DEPARTMENTS.length);
  // An archived department is offered neither for invitations nor on the departments page.
  await openSettingsSection(page, "Invitations");
  const invitations = card(page, "Invitations");
  await invitations.getByLabel("Role", { exact: true }).selectOption({ label: "Department head" });
  await expect(
    invitations.getByLabel("Department", { exact: true }).getByRole("option", { name: "Legal" }),
  ).toHaveCount(1);
  await expect(
    invitations.getByLabel("Department", { exact: true }).getByRole("option", { name: "Marketing" }),
  ).toHaveCount(0);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Departments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Departments" })).toBeVisible();
  await expect(page.getByTestId("department-Legal")).toBeVisible();
  await expect(page.getByTestId("department-Marketing")).toHaveCount(0);

  // Restore brings it back as an active department.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(`/o/${owner.slug}/settings`);
  await openSettingsSection(page, "Departments");
  await departmentRow(page, "Marketing").getByRole("button", { name: "Restore" }).click();
  await expect(departmentRow(page, "Marketing").getByLabel("Name · Marketing", { exact: true })).toHaveValue(
    "Marketing",
  );
  await expect(departmentRow(page, "Marketing").getByRole("button", { name: "Remove" })).toBeVisible();
  await reload(page);
  await expect(card(page, "Departments").getByText("· archived")).toHaveCount(0);
});

test("removing a department that has records says it was archived", async ({ page }) => {
  const owner = await signUpFreshOwner(page, "archivemsg");
  await visit(page, `/o/${owner.slug}/settings/invitations`);
  // A pending invitation bound to Legal is a record pointing at it.
  await createInvitation(page, {
    email: `legal-${uniqueId()}@e2e.example`,
    role: "Department head",
    department: "Legal",
  });
  await openSettingsSection(page, "Departments");
  const legal = departmentRow(page, "Legal");
  await legal.getByRole("button", { name: "Remove" }).click();
  await expect(legal.getByLabel("Name · Legal · archived")).toHaveValue("Legal");
  await expect(formMessage(legal, "Department archived: it has records, so it was kept.")).toBeVisible({
    timeout: 2_000,
  });
});

test("the owner changes a member's role, and cannot demote the only owner", async ({ page, browser }) => {
  const owner = await signUpFreshOwner(page, "roles");
  const { head, headPage, context } = await bindHead(page, browser, owner.organization, owner.slug, "Billing");
  try {
    await visit(page, `/o/${owner.slug}/settings/members`);
    const headRow = memberRow(page, head.email);
    await expect(headRow.getByLabel("Role", { exact: true })).toHaveValue("DEPARTMENT_HEAD");
    await expect(headRow.getByLabel("Department", { exact: true }).locator("option:checked")).toHaveText("Billing");
    await headRow.getByLabel("Role", { exact: true }).selectOption({ label: "Finance" });
    await expect(headRow.getByLabel("Department", { exact: true })).toHaveCount(0);
    await headRow.getByRole("button", { name: "Save" }).click();
    await expect(formMessage(headRow, "Member updated.")).toBeVisible();
    await reload(page);
    await expect(memberRow(page, head.email).getByLabel("Role", { exact: true })).toHaveValue("FINANCE");
    // The member sees the new role on their next page load.
    await reload(headPage);
    await expect(headPage.getByTestId("current-user")).toHaveText(`${head.name} · Finance`);
  } finally {
    await context.close();
  }

  const ownerRow = memberRow(page, owner.email);
  await expect(ownerRow).toContainText("(you)");
  await ownerRow.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
  await ownerRow.getByRole("button", { name: "Save" }).click();
  await expect(
    formMessage(ownerRow, "An organization needs at least one owner. Make someone else an owner first."),
  ).toBeVisible();
  await reload(page);
  await expect(memberRow(page, owner.email).getByLabel("Role", { exact: true })).toHaveValue("OWNER");
  await expect(page.getByTestId("current-user")).toHaveText(`${owner.name} · Owner`);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});
