"use server";

import { formToObject } from "@/server/action";
import { runTenantAction as run } from "@/server/run-action";
import { createApiToken, revokeApiToken } from "@/server/api/tokens";
import { addCategory, archiveCategory, renameCategory, restoreCategory } from "@/server/accountability/categories";
import {
  createDepartment,
  removeDepartment,
  renameDepartment,
  restoreDepartment,
} from "@/server/departments/mutations";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation } from "@/server/members/mutations";
import { updateOrganization } from "@/server/organizations/mutations";
import {
  addLossCause,
  archiveLossCause,
  archiveStage,
  createStage,
  renameLossCause,
  restoreLossCause,
  restoreStage,
  setHeadlineForecast,
  updateStage,
} from "@/server/pipeline/settings";

export async function updateOrganizationAction(slug: string, _prev: unknown, formData: FormData) {
  return run(updateOrganization, slug, formToObject(formData), () => "Organization settings saved.");
}

export async function createDepartmentAction(slug: string, _prev: unknown, formData: FormData) {
  return run(createDepartment, slug, formToObject(formData), () => "Department added.");
}

export async function renameDepartmentAction(slug: string, _prev: unknown, formData: FormData) {
  return run(renameDepartment, slug, formToObject(formData), () => "Department renamed.");
}

export async function removeDepartmentAction(slug: string, _prev: unknown, formData: FormData) {
  return run(removeDepartment, slug, formToObject(formData), (d) =>
    d.outcome === "archived" ? "Department archived: it has records, so it was kept." : "Department deleted.",
  );
}

export async function restoreDepartmentAction(slug: string, _prev: unknown, formData: FormData) {
  return run(restoreDepartment, slug, formToObject(formData), () => "Department restored.");
}

export async function inviteMemberAction(slug: string, _prev: unknown, formData: FormData) {
  return run(
    inviteMember,
    slug,
    formToObject(formData),
    () => "Invitation created. Send this link to the person you invited:",
  );
}

export async function revokeInvitationAction(slug: string, _prev: unknown, formData: FormData) {
  return run(revokeInvitation, slug, formToObject(formData), () => "Invitation revoked.");
}

export async function changeMemberRoleAction(slug: string, _prev: unknown, formData: FormData) {
  return run(changeMemberRole, slug, formToObject(formData), () => "Member updated.");
}

export async function removeMemberAction(slug: string, _prev: unknown, formData: FormData) {
  return run(removeMember, slug, formToObject(formData), () => "Member removed.");
}

export async function addCategoryAction(slug: string, _prev: unknown, formData: FormData) {
  return run(addCategory, slug, formToObject(formData), () => "Category added.");
}

export async function renameCategoryAction(slug: string, _prev: unknown, formData: FormData) {
  return run(renameCategory, slug, formToObject(formData), () => "Category renamed.");
}

export async function archiveCategoryAction(slug: string, _prev: unknown, formData: FormData) {
  return run(
    archiveCategory,
    slug,
    formToObject(formData),
    () => "Category archived: past contributions keep it; new ones cannot use it.",
  );
}

export async function restoreCategoryAction(slug: string, _prev: unknown, formData: FormData) {
  return run(restoreCategory, slug, formToObject(formData), () => "Category restored.");
}

export async function createStageAction(slug: string, _prev: unknown, formData: FormData) {
  return run(createStage, slug, formToObject(formData), () => "Stage added.");
}

export async function updateStageAction(slug: string, _prev: unknown, formData: FormData) {
  return run(
    updateStage,
    slug,
    formToObject(formData),
    () => "Stage saved. Deals already in it keep their probability.",
  );
}

export async function archiveStageAction(slug: string, _prev: unknown, formData: FormData) {
  return run(
    archiveStage,
    slug,
    formToObject(formData),
    () => "Stage archived: closed deals keep it; new deals cannot use it.",
  );
}

export async function restoreStageAction(slug: string, _prev: unknown, formData: FormData) {
  return run(restoreStage, slug, formToObject(formData), () => "Stage restored.");
}

export async function addLossCauseAction(slug: string, _prev: unknown, formData: FormData) {
  return run(addLossCause, slug, formToObject(formData), () => "Cause added.");
}

export async function renameLossCauseAction(slug: string, _prev: unknown, formData: FormData) {
  return run(renameLossCause, slug, formToObject(formData), () => "Cause renamed.");
}

export async function archiveLossCauseAction(slug: string, _prev: unknown, formData: FormData) {
  return run(
    archiveLossCause,
    slug,
    formToObject(formData),
    () => "Cause archived: past deals keep it; new ones cannot name it.",
  );
}

export async function restoreLossCauseAction(slug: string, _prev: unknown, formData: FormData) {
  return run(restoreLossCause, slug, formToObject(formData), () => "Cause restored.");
}

export async function setHeadlineForecastAction(slug: string, _prev: unknown, formData: FormData) {
  return run(setHeadlineForecast, slug, formToObject(formData), () => "Headline forecast saved.");
}

export async function createApiTokenAction(slug: string, _prev: unknown, formData: FormData) {
  // Scopes are checkboxes of one name: every checked value, not the last one.
  const scopes = formData.getAll("scopes").filter((v) => typeof v === "string");
  return run(createApiToken, slug, { ...formToObject(formData), scopes }, (t) => `Token “${t.name}” created.`);
}

export async function revokeApiTokenAction(slug: string, _prev: unknown, formData: FormData) {
  return run(revokeApiToken, slug, formToObject(formData), (t) =>
    t.alreadyRevoked
      ? `Token “${t.name}” was already revoked.`
      : `Token “${t.name}” revoked. Calls with it now get 401.`,
  );
}
