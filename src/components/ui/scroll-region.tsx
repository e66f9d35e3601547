import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A box that scrolls sideways on its own (a wide table on a phone), named and reachable by keyboard
 * so it can be scrolled without a mouse (WCAG "scrollable region focusable").
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn(
        "overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600",
        className,
      )}
    >
      {children}
    </div>
  );
}
