"use server";

import { formToObject } from "@/server/action";
import { getSessionUser } from "@/server/auth";
import { createOrganization } from "@/server/organizations/mutations";

export async function createOrganizationAction(_prev: unknown, formData: FormData) {
  const user = await getSessionUser();
  return createOrganization(user?.id ?? null, formToObject(formData));
}
