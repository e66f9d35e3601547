import { expect, test } from "@playwright/test";
import {
  DEMO,
  DEMO_ORG,
  card,
  createInvitation,
  memberRow,
  openSettingsSection,
  signIn,
  signUpFreshOwner,
  uniqueEmail,
  uniqueId,
  visit,
  reload,
} from "./support/helpers";
import { verifyFromEmail } from "./support/invitations";
import { shot } from "./support/screenshots";

test("a new person joins Acme through an invitation link as department head of Legal", async ({
  page: owner,
  browser,
}) => {
  const id = uniqueId();
  const invitee = { name: `Lena Legal ${id}`, email: `legal-head-${id}@e2e.example`, password: "a-strong-password" };

  await signIn(owner, DEMO.owner);
  await visit(owner, `/o/${DEMO_ORG.slug}/settings/invitations`);
  const link = await createInvitation(owner, { email: invitee.email, role: "Department head", department: "Legal" });
  const pending = card(owner, "Invitations").getByRole("listitem").filter({ hasText: invitee.email });
  await expect(pending).toContainText("Department head, Legal");

  // The invitee, in a browser of their own.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await visit(page, link);
    await expect(page.getByRole("heading", { name: `Join ${DEMO_ORG.name}` })).toBeVisible();
    await expect(
      page.getByText(`You are invited as Department head of Legal, with the address ${invitee.email}.`),
    ).toBeVisible();
    // The account is created for the invited address; it is shown, not editable.
    await expect(page.getByText(invitee.email, { exact: true })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Email" })).toHaveCount(0);
    await page.getByLabel("Your name").fill(invitee.name);
    await page.getByLabel("Password").fill(invitee.password);
    await page.getByRole("button", { name: "Create account and join" }).click();

    // Signed in, but not a member until the address is proven: the invitation waits for it.
    await expect(page).toHaveURL(/\/invite\//, { timeout: 30_000 });
    await expect(
      page.getByText(`Verify your email address first: we sent a link to ${invitee.email}.`, { exact: false }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
    await shot(page, "invitation-verify-first");
    await verifyFromEmail(page, invitee.email);
    await page.getByRole("link", { name: "Accept the invitation" }).click();
    await expect(page).toHaveURL(/\/invite\//);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    // A department head lands on My work.
    await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}/inbox`);
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
    await expect(page.getByTestId("current-user")).toHaveText(`${invitee.name} · Department head`);

    // The link works once.
    await visit(page, link);
    await expect(page.getByRole("heading", { name: "Invitation unavailable" })).toBeVisible();
    await expect(page.getByText("This invitation has already been used.")).toBeVisible();
  } finally {
    await context.close();
  }

  // The owner sees the invitation gone from Pending and the new member in Members.
  await reload(owner);
  await expect(card(owner, "Invitations").getByText(invitee.email)).toHaveCount(0);
  await openSettingsSection(owner, "Members");
  const member = memberRow(owner, invitee.email);
  await expect(member).toContainText(invitee.name);
  await expect(member.getByLabel("Role", { exact: true })).toHaveValue("DEPARTMENT_HEAD");
  await expect(member.getByLabel("Department", { exact: true }).locator("option:checked")).toHaveText("Legal");
});

test("an existing user signs in to accept an invitation and switches between organizations", async ({
  page: owner,
  browser,
}) => {
  // Someone who already has an account (and an organization of their own).
  const signUpContext = await browser.newContext();
  const existing = await signUpFreshOwner(await signUpContext.newPage(), "existing");
  await signUpContext.close();

  await signIn(owner, DEMO.owner);
  await visit(owner, `/o/${DEMO_ORG.slug}/settings/invitations`);
  const link = await createInvitation(owner, { email: existing.email, role: "Viewer" });
  await expect(card(owner, "Invitations").getByRole("listitem").filter({ hasText: existing.email })).toContainText(
    "Viewer",
  );

  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await visit(page, link);
    await expect(page.getByRole("heading", { name: `Join ${DEMO_ORG.name}` })).toBeVisible();
    await page.getByRole("link", { name: "Sign in to accept" }).click();
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await expect(page.getByLabel("Email")).toHaveValue(existing.email);
    await page.getByLabel("Password").fill(existing.password);
    await page.getByRole("button", { name: "Sign in" }).click();

    // Back on the invitation, now signed in as the invited address, which is not verified yet: the
    // first email went out at sign-up; ask for a new one and follow it.
    await expect(page).toHaveURL(/\/invite\//);
    await expect(
      page.getByText(`Verify your email address first: we sent a link to ${existing.email}.`, { exact: false }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
    const asked = new Date();
    await page.getByRole("button", { name: "Send a new link" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `We sent a new link to ${existing.email}.` }),
    ).toBeVisible();
    await verifyFromEmail(page, existing.email, { after: asked });
    await page.getByRole("link", { name: "Accept the invitation" }).click();
    await expect(page).toHaveURL(/\/invite\//);
    await page.getByRole("button", { name: "Accept invitation" }).click();
    await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
    await expect(page.getByTestId("current-user")).toHaveText(`${existing.name} · Viewer`);

    // The organization switcher now holds both organizations.
    const switcher = page.getByRole("combobox", { name: "Organization" });
    await expect(switcher.getByRole("option", { name: DEMO_ORG.name })).toHaveCount(1);
    await expect(switcher.getByRole("option", { name: existing.organization })).toHaveCount(1);
    await switcher.selectOption(existing.slug);
    await expect(page).toHaveURL(`/o/${existing.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: existing.organization })).toBeVisible();
    await expect(page.getByTestId("current-user")).toHaveText(`${existing.name} · Owner`);
    await switcher.selectOption({ label: DEMO_ORG.name });
    await expect(page).toHaveURL(`/o/${DEMO_ORG.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: DEMO_ORG.name })).toBeVisible();
    await expect(page.getByTestId("current-user")).toHaveText(`${existing.name} · Viewer`);
  } finally {
    await context.close();
  }

  await reload(owner);
  await expect(card(owner, "Invitations").getByText(existing.email)).toHaveCount(0);
  await openSettingsSection(owner, "Members");
  await expect(memberRow(owner, existing.email).getByLabel("Role", { exact: true })).toHaveValue("VIEWER");
});

test("an invitation opened by someone else is refused, and a revoked link stops working", async ({
  page: owner,
  browser,
}) => {
  const invited = uniqueEmail("revoked");
  await signIn(owner, DEMO.owner);
  await visit(owner, `/o/${DEMO_ORG.slug}/settings/invitations`);
  const link = await createInvitation(owner, { email: invited, role: "Viewer" });

  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Signed in as a different person: told whose invitation it is, and offered no way to accept.
    await signIn(page, DEMO.viewer);
    await visit(page, link);
    await expect(page.getByRole("heading", { name: `Join ${DEMO_ORG.name}` })).toBeVisible();
    await expect(
      page.getByText(
        `You are signed in as ${DEMO.viewer}. This invitation is for ${invited}: sign out and sign in with that address to accept it.`,
      ),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);

    // The owner revokes it; the link now says so.
    await reload(owner);
    const pending = card(owner, "Invitations").getByRole("listitem").filter({ hasText: invited });
    await pending.getByRole("button", { name: `Revoke invitation for ${invited}` }).click();
    await expect(card(owner, "Invitations").getByText(invited)).toHaveCount(0);
    await reload(page);
    await expect(page.getByRole("heading", { name: "Invitation unavailable" })).toBeVisible();
    await expect(
      page.getByText("This invitation was revoked. Ask an owner of the organization for a new link."),
    ).toBeVisible();
  } finally {
    await context.close();
  }
});
