import { NotAllowed } from "@/components/ui/not-allowed";
import type { TMemberContext } from "@/server/tenant";

/** Settings (any section) for a role that may not change them: the same answer everywhere. */
export function SettingsNotAllowed({ ctx }: { ctx: TMemberContext }) {
  return (
    <NotAllowed
      role={ctx.role}
      who="an owner"
      what="change the organization's settings, departments and members"
      backHref={`/o/${ctx.slug}`}
    />
  );
}
