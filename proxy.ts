import { type NextRequest, NextResponse } from "next/server";

// Hands the requested account path to the account layouts (as x-account-path), so a
// signed-out visitor sent to sign in comes back to the page they asked for, e.g. the
// subscriptions link in a marketing email. Any value a client sends is replaced.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-account-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/:shop/account/:path*"] };
