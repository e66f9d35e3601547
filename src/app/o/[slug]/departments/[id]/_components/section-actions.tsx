import type { ReactNode } from "react";

/** The buttons that open a section's dialogs, in one row under its title. */
export function SectionActions({ children }: { children: ReactNode }) {
  return <div className="-mt-1 mb-4 flex flex-wrap items-center gap-x-3 gap-y-2">{children}</div>;
}
