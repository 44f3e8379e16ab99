import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";

// The options are built per request: a provider's callback needs the browser's current
// session (linking) and lands on its shop's pages.
const handler = (req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(
    req as never,
    ctx as never,
    getAuthOptions({ cookies: req.cookies, headers: req.headers, pathname: req.nextUrl.pathname }),
  );

export { handler as GET, handler as POST };
