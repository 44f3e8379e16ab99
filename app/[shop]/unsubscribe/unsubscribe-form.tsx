"use client";

import { type ReactNode, useActionState } from "react";
import { TokenForm } from "@/components/token-form";
import type { UnsubscribeState } from "./actions";

type Props = {
  shopName: string;
  label: string;
  token: string;
  action: (state: UnsubscribeState, form: FormData) => Promise<UnsubscribeState>;
  // The question the button answers; replaced by the answer once unsubscribed.
  children?: ReactNode;
};

const initial: UnsubscribeState = { label: null, error: null };

export function UnsubscribeForm({ shopName, label, token, action, children }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  if (state.label) {
    return (
      <p role="status" className="mt-6 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900">
        You are unsubscribed from “{state.label}”. {shopName} will send you no more of these emails.
      </p>
    );
  }
  return (
    <>
      {children}
      {state.error && (
        <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          {state.error}
        </p>
      )}
      <TokenForm
        token={token}
        action={formAction}
        isPending={isPending}
        label={`Unsubscribe from “${label}”`}
        pendingLabel="Unsubscribing…"
      />
    </>
  );
}
