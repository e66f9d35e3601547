"use server";

import { formToObject } from "@/server/action";
import { now } from "@/server/clock";
import { signUp } from "@/server/organizations/mutations";

export async function signUpAction(formData: FormData) {
  const f = formToObject(formData);
  return signUp(
    {
      name: f.name,
      email: f.email,
      password: f.password,
      organization: {
        name: f["organization.name"],
        currency: f["organization.currency"],
        fiscalYearStartMonth: f["organization.fiscalYearStartMonth"],
        timeZone: f["organization.timeZone"],
      },
    },
    await now(),
  );
}
