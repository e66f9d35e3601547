import { z } from "zod";
import { zText } from "./text";
import { ZOrganizationFields } from "./organization";

export const ZEmail = zText()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "Email addresses are at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@company.com."));

export const ZPassword = z.string().min(8, "Use at least 8 characters.").max(128, "Use at most 128 characters.");

export const ZPersonName = zText().trim().min(1, "Enter your name.").max(100, "Names are at most 100 characters.");

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(128),
});

export const ZSignUpInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZPassword,
  organization: ZOrganizationFields,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;

export const ZAcceptInvitationSignUpInput = z.object({
  token: zText().min(10).max(200),
  name: ZPersonName,
  password: ZPassword,
});
export type TAcceptInvitationSignUpInput = z.infer<typeof ZAcceptInvitationSignUpInput>;
