"use server";

import { cookies } from "next/headers";
import { SIGN_UP_CHOICES_COOKIE } from "@/server/auth/options";

// The marketing boxes ticked on the sign-up page, kept for 10 minutes while the browser
// is away at a provider: if the provider's answer opens an account, they apply as the
// form's would (server/auth/options.ts reads the cookie; the sign-in logic checks each
// channel against the shop's policy and drops the rest). Nothing here grants anything;
// an empty list replaces the choices of an earlier visit. The invitation link the page
// was opened with is carried the same way (the sign-in logic verifies it).
export async function saveSignUpChoicesAction(
  shop: string,
  invitation: string | null,
  channels: unknown,
): Promise<void> {
  if (!/^[a-z0-9-]{1,100}$/.test(shop)) return;
  const invitationToken =
    typeof invitation === "string" && /^[A-Za-z0-9_.-]{1,200}$/.test(invitation) ? invitation : null;
  const keys = Array.isArray(channels)
    ? channels.filter((c): c is string => typeof c === "string" && /^[a-z0-9_-]{1,50}$/i.test(c)).slice(0, 20)
    : [];
  const unique = [...new Set(keys)];
  (await cookies()).set(
    SIGN_UP_CHOICES_COOKIE,
    JSON.stringify({ shop, channels: unique, invitation: invitationToken }),
    {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: 600,
      secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
    },
  );
}
