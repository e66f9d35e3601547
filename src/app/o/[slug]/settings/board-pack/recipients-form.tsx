"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { setBoardPackRecipientsAction } from "./actions";

type TMember = {
  userId: string;
  name: string;
  email: string;
  role: string;
  chosen: boolean;
  canReceive: string | null;
};

/** One checkbox per member: who gets the board pack of each closed month. */
export function RecipientsForm({ slug, members }: { slug: string; members: TMember[] }) {
  const { state, onSubmit, isPending, errors } = useFormAction(setBoardPackRecipientsAction.bind(null, slug));
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormMessage state={state} />
      <fieldset>
        <legend className="text-sm font-medium">Email the board pack of each closed month to</legend>
        <ul className="mt-2 divide-y divide-zinc-100 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-700">
          {members.map((m) => (
            <li key={m.userId}>
              <label className="flex cursor-pointer items-start gap-3 px-3 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-800">
                <input
                  type="checkbox"
                  name="userIds"
                  value={m.userId}
                  defaultChecked={m.chosen}
                  className="mt-1 size-4 shrink-0 accent-accent-600"
                />
                <span className="min-w-0">
                  <span className="block text-sm font-medium break-words">
                    {m.name} <span className="font-normal text-zinc-500">· {m.role}</span>
                  </span>
                  <span className="block text-sm break-all text-zinc-600 dark:text-zinc-400">{m.email}</span>
                  {m.canReceive && (
                    <span className="block text-xs text-amber-800 dark:text-amber-300">{m.canReceive}</span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {errors?.userIds?.length ? (
          <p className="mt-2 text-sm text-red-700 dark:text-red-400">{errors.userIds[0]}</p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Save recipients"}
      </Button>
    </form>
  );
}
