import { redirect } from "next/navigation";
import { landingPath } from "@/lib/inbox/rules";
import { getSessionUser } from "@/server/auth";
import { listUserOrganizations } from "@/server/organizations/queries";

export default async function Home() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const [first] = await listUserOrganizations(user.id);
  redirect(first ? landingPath(first.slug, first.role) : "/orgs/new");
}
