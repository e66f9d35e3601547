"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { OrganizationFields } from "@/components/organization/organization-fields";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TOrganizationOptions } from "@/lib/organization-options";
import { createOrganizationAction } from "./actions";

export function NewOrganizationForm({ options }: { options: TOrganizationOptions }) {
  const router = useRouter();
  const { state, onSubmit, isPending, errors } = useFormAction(createOrganizationAction);
  useEffect(() => {
    if (state?.ok) router.replace(`/o/${state.data.slug}`);
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <FormMessage state={state && !state.ok ? state : null} />
      <OrganizationFields errors={errors} options={options} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
