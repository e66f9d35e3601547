import { AlarmClock, ArrowRight, CircleAlert, ListTodo } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import type { TInboxItem, TUrgency } from "@/lib/inbox/items";

const GROUP_STYLE: Record<TUrgency, { Icon: typeof CircleAlert; className: string }> = {
  late: { Icon: CircleAlert, className: "text-red-700 dark:text-red-400" },
  soon: { Icon: AlarmClock, className: "text-amber-700 dark:text-amber-400" },
  open: { Icon: ListTodo, className: "text-zinc-600 dark:text-zinc-400" },
};

/** Controls beside an item's link (Snooze, Wake up), rendered by the page that knows the actions. */
export type TItemActions = (item: TInboxItem) => ReactNode;

export function InboxItem({ item, actions, note }: { item: TInboxItem; actions?: TItemActions; note?: ReactNode }) {
  return (
    <li
      data-testid="inbox-item"
      data-kind={item.kind}
      className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="min-w-0">
        <p className="font-medium break-words">{item.title}</p>
        <p className="mt-0.5 text-sm break-words text-zinc-600 dark:text-zinc-400">
          {item.context.join(" · ")}
          <span aria-hidden> · </span>
          <span
            className={cn(
              item.urgency === "late" && "font-medium text-red-700 dark:text-red-400",
              item.urgency === "soon" && "font-medium text-amber-800 dark:text-amber-300",
            )}
          >
            {item.waited}
          </span>
        </p>
        {item.escalatedFrom && <p className="mt-0.5 text-xs text-zinc-500">{item.escalatedFrom}</p>}
        {note}
      </div>
      <div className="flex shrink-0 flex-wrap gap-2 self-start sm:self-center">
        <Link
          href={item.href}
          className="inline-flex shrink-0 items-center gap-1 self-start rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-accent-700 hover:bg-zinc-50 sm:self-center dark:border-zinc-700 dark:text-accent-400 dark:hover:bg-zinc-800"
        >
          {item.actionLabel}
          <ArrowRight aria-hidden className="size-4" />
        </Link>
        {actions?.(item)}
      </div>
    </li>
  );
}

/** My work's items in urgency groups (late, due soon, to do), each a list of sentences with their link. */
export function InboxGroups({
  groups,
  actions,
}: {
  groups: { urgency: TUrgency; label: string; items: TInboxItem[] }[];
  actions?: TItemActions;
}) {
  return (
    <div className="space-y-6">
      {groups.map((group) => {
        const { Icon, className } = GROUP_STYLE[group.urgency];
        return (
          <section key={group.urgency} aria-labelledby={`inbox-${group.urgency}`}>
            <h2
              id={`inbox-${group.urgency}`}
              className={cn("flex items-center gap-1.5 text-sm font-semibold", className)}
            >
              <Icon aria-hidden className="size-4" /> {group.label}{" "}
              <span className="font-normal text-zinc-500">({group.items.length})</span>
            </h2>
            <ul className="mt-2 divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
              {group.items.map((item) => (
                <InboxItem key={item.key} item={item} actions={actions} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
