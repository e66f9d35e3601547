"use client";

import { RoleDepartmentFields, type TDepartmentOption } from "@/components/organization/role-department-fields";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { DepartmentKind, Role } from "@db/enums";
import { changeMemberRoleAction, removeMemberAction } from "../actions";

type TMember = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  departmentKind: DepartmentKind | null;
};

function MemberRow({
  slug,
  member,
  departments: active,
  isSelf,
}: {
  slug: string;
  member: TMember;
  departments: TDepartmentOption[];
  isSelf: boolean;
}) {
  // A member still bound to an archived department sees it, marked, rather than an empty choice.
  const isBoundToArchived = member.departmentId !== null && !active.some((d) => d.id === member.departmentId);
  const departments =
    isBoundToArchived && member.departmentId
      ? [
          ...active,
          {
            id: member.departmentId,
            name: member.departmentName ?? "Archived department",
            kind: member.departmentKind ?? "OTHER",
            isArchived: true,
          },
        ]
      : active;
  const change = useFormAction(changeMemberRoleAction.bind(null, slug));
  const remove = useFormAction(removeMemberAction.bind(null, slug));
  const confirmRemove = (e: React.FormEvent<HTMLFormElement>) => {
    if (!window.confirm(`Remove ${member.name} from this organization?`)) return e.preventDefault();
    remove.onSubmit(e);
  };
  return (
    <li className="py-4" aria-label={`Member ${member.email}`}>
      <p className="text-sm">
        <span className="font-medium">{member.name}</span>
        {isSelf && <span className="text-zinc-500"> (you)</span>}{" "}
        <span className="text-zinc-500">· {member.email}</span>
      </p>
      <div className="mt-2 space-y-2">
        <FormMessage state={change.state} />
        <FormMessage state={remove.state} />
      </div>
      <div className="mt-2 flex flex-wrap items-end gap-3">
        <form
          onSubmit={change.onSubmit}
          noValidate
          className="flex flex-1 flex-wrap items-end gap-3 [&>div]:min-w-40 [&>div]:flex-1"
        >
          <input type="hidden" name="membershipId" value={member.id} />
          <RoleDepartmentFields
            departments={departments}
            errors={change.errors}
            defaultRole={member.role}
            defaultDepartmentId={member.departmentId}
          />
          <Button type="submit" variant="secondary" disabled={change.isPending}>
            Save
          </Button>
        </form>
        <form onSubmit={confirmRemove}>
          <input type="hidden" name="membershipId" value={member.id} />
          <Button type="submit" variant="danger" disabled={remove.isPending} aria-label={`Remove ${member.email}`}>
            Remove
          </Button>
        </form>
      </div>
    </li>
  );
}

export function MembersPanel({
  slug,
  members,
  departments,
  currentUserId,
}: {
  slug: string;
  members: TMember[];
  departments: TDepartmentOption[];
  currentUserId: string;
}) {
  return (
    <Card
      title="Members"
      description="Department heads and sales managers are bound to one department. An organization always keeps at least one owner."
    >
      <ul className="-my-4 divide-y divide-zinc-100 dark:divide-zinc-800">
        {members.map((m) => (
          <MemberRow key={m.id} slug={slug} member={m} departments={departments} isSelf={m.userId === currentUserId} />
        ))}
      </ul>
    </Card>
  );
}
