// Run by e2e/notifications.spec.ts (tsx --conditions=react-server, against the e2e server's database):
//   user <json>   { id }: a new person (no organization; daily digest, the default) and the unsubscribe
//                 link an email to them would carry; prints { email, token }.
//   frequency <json>  { email }: prints that person's email frequency.
import { db } from "@/server/db";
import { signLink } from "@/server/email/signed-links";
import { hashPassword } from "@/server/passwords";

const [command, json] = process.argv.slice(2);
const args = JSON.parse(json ?? "{}") as { id?: string; email?: string };
if (command === "user") {
  const user = await db.user.create({
    data: {
      email: `unsubscribe-${args.id}@e2e.example`,
      name: `Una Subscriber ${args.id}`,
      passwordHash: await hashPassword(`unused-${args.id}`),
      emailVerifiedAt: new Date(),
    },
  });
  console.log(JSON.stringify({ email: user.email, token: signLink("unsubscribe", user.id) }));
} else if (command === "frequency") {
  const user = await db.user.findUniqueOrThrow({ where: { email: args.email ?? "" } });
  console.log(JSON.stringify({ emailFrequency: user.emailFrequency }));
} else throw new Error(`unknown command ${command}`);
await db.$disconnect();
