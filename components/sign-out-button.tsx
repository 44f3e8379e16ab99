"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

// Signing an agent out also ends their open support session (server/auth/options.ts).
export function SignOutButton({ shop, callbackUrl }: { shop: string; callbackUrl?: string }) {
  const [isPending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={isPending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: callbackUrl ?? `/${shop}/sign-in?signedOut=1` });
      }}
      className="rounded-md border border-white/60 px-3 py-1.5 font-medium text-white hover:bg-white/10 disabled:opacity-60"
    >
      {isPending ? "Signing out…" : "Sign out"}
    </button>
  );
}
