import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth";

type TContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, context: TContext): Promise<Response> {
  return NextAuth(req, context, getAuthOptions());
}

export { handler as GET, handler as POST };
