"use client";

import { useEffect, useState } from "react";
import { RoleDepartmentFields, type TDepartmentOption } from "@/components/organization/role-department-fields";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { SubmissionIdField } from "@/components/ui/submission-id-field";
import { ROLE_LABELS } from "@/lib/permissions";
import type { Role } from "@db/enums";
import { inviteMemberAction, revokeInvitationAction } from "../actions";

type TInvitation = { id: string; email: string; role: Role; departmentName: string | null; expiresLabel: string };

function InviteForm({ slug, departments }: { slug: string; departments: TDepartmentOption[] }) {
  const { state, onSubmit, isPending, errors } = useFormAction(inviteMemberAction.bind(null, slug));
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const link = state?.ok ? `${origin}/invite/${state.data.token}` : null;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      <SubmissionIdField state={state} />
      {link && (
        <p
          className="rounded-md bg-zinc-100 px-3 py-2 font-mono text-xs break-all dark:bg-zinc-800"
          data-testid="invitation-link"
        >
          {link}
        </p>
      )}
      <TextField label="Email" name="email" type="email" errors={errors?.email} />
      <RoleDepartmentFields departments={departments} errors={errors} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating link…" : "Create invitation link"}
      </Button>
    </form>
  );
}

function RevokeButton({ slug, invitationId, email }: { slug: string; invitationId: string; email: string }) {
  const { state, onSubmit, isPending } = useFormAction(revokeInvitationAction.bind(null, slug));
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="danger" disabled={isPending} aria-label={`Revoke invitation for ${email}`}>
        Revoke
      </Button>
      {state && !state.ok && <FormMessage state={state} />}
    </form>
  );
}

export function InvitationsPanel({
  slug,
  departments,
  invitations,
}: {
  slug: string;
  departments: TDepartmentOption[];
  invitations: TInvitation[];
}) {
  return (
    <Card title="Invitations" description="Invite people by link. Links work once and expire after 7 days.">
      <InviteForm slug={slug} departments={departments} />
      <h3 className="mt-6 text-sm font-semibold">Pending</h3>
      {invitations.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-500">No pending invitations.</p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800">
          {invitations.map((i) => (
            <li key={i.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium">{i.email}</span>{" "}
                <span className="text-zinc-500">
                  · {ROLE_LABELS[i.role]}
                  {i.departmentName ? `, ${i.departmentName}` : ""} · expires {i.expiresLabel}
                </span>
              </span>
              <RevokeButton slug={slug} invitationId={i.id} email={i.email} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
