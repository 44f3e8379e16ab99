"use client";

import Link from "next/link";
import { useActionState } from "react";
import { TokenForm } from "@/components/token-form";
import type { ConfirmState } from "./actions";

type Props = {
  shop: string;
  shopName: string;
  token: string;
  action: (state: ConfirmState, form: FormData) => Promise<ConfirmState>;
};

const initial: ConfirmState = { email: null, error: null };

export function ConfirmEmailForm({ shop, shopName, token, action }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  if (state.email) {
    return (
      <>
        <p role="status" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900">
          Your email address is now <strong>{state.email}</strong>. Use it the next time you sign in.
        </p>
        <Link href={`/${shop}/account/privacy`} className="mt-6 inline-block underline">
          Back to My Account → Privacy
        </Link>
      </>
    );
  }
  if (state.error) {
    return (
      <>
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          {state.error.message}
        </p>
        {state.error.code === "NOT_FOUND" && (
          <p className="mt-4 text-slate-600">
            If you have more than one account with {shopName}, sign out and sign in to the account whose address you
            asked to change.
          </p>
        )}
        <Link href={`/${shop}/account/email`} className="mt-6 inline-block underline">
          Ask for the change again
        </Link>
      </>
    );
  }
  return (
    <TokenForm
      token={token}
      action={formAction}
      isPending={isPending}
      label="Confirm my new email address"
      pendingLabel="Confirming…"
    />
  );
}
