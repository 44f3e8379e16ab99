"use client";

import { type ReactNode, useActionState } from "react";
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
      <form action={formAction} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-brand px-4 py-2.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Unsubscribing…" : `Unsubscribe from “${label}”`}
        </button>
      </form>
    </>
  );
}
