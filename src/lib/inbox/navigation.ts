// The main navigation: only what the role may open (a page that would answer "Not allowed" is not
// offered), My work first for the roles that land on it.
import { can, type TPermissionHolder } from "../permissions";
import { landingPath } from "./rules";

export type TNavItem = { href: string; label: string; count?: number };

/** `owed` is My work's count; undefined while it is still being counted. */
export function navigationFor(slug: string, actor: TPermissionHolder, owed?: number): TNavItem[] {
  const base = `/o/${slug}`;
  const myWork: TNavItem = { href: `${base}/inbox`, label: "My work", ...(owed !== undefined && { count: owed }) };
  const dashboard: TNavItem = { href: base, label: "Dashboard" };
  const landsOnMyWork = landingPath(slug, actor.role) !== base;
  return [
    ...(landsOnMyWork ? [myWork, dashboard] : [dashboard, myWork]),
    { href: `${base}/revenue`, label: "Revenue" },
    { href: `${base}/departments`, label: "Departments" },
    { href: `${base}/pipeline`, label: "Pipeline" },
    ...(can(actor, "organization.update") ? [{ href: `${base}/settings`, label: "Settings" }] : []),
  ];
}
