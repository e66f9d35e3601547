"use client";

import { useState } from "react";
import { SelectField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/action-result";
import { ROLE_LABELS, roleNeedsDepartment } from "@/lib/permissions";
import type { DepartmentKind, Role } from "@db/enums";

export type TDepartmentOption = { id: string; name: string; kind: DepartmentKind; isArchived?: boolean };

/** Role select plus, for roles bound to a department, the department (sales departments for a sales manager). */
export function RoleDepartmentFields({
  departments,
  errors,
  defaultRole = "VIEWER",
  defaultDepartmentId,
}: {
  departments: TDepartmentOption[];
  errors?: FieldErrors;
  defaultRole?: Role;
  defaultDepartmentId?: string | null;
}) {
  const [role, setRole] = useState<Role>(defaultRole);
  const choices = departments.filter((d) => role !== "SALES_MANAGER" || d.kind === "SALES");
  return (
    <>
      <SelectField
        label="Role"
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        errors={errors?.role}
        options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
      />
      {roleNeedsDepartment(role) && (
        <SelectField
          label="Department"
          name="departmentId"
          defaultValue={defaultDepartmentId ?? ""}
          errors={errors?.departmentId}
          options={[
            { value: "", label: "Choose a department…" },
            ...choices.map((d) => ({
              value: d.id,
              label: d.isArchived ? `${d.name} (archived: choose another)` : d.name,
            })),
          ]}
        />
      )}
    </>
  );
}
