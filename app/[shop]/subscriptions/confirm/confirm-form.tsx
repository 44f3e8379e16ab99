"use client";

import { type ReactNode, useActionState } from "react";
import { TokenForm } from "@/components/token-form";
import type { ConsentConfirmState } from "./actions";

type Props = {
  shopName: string;
  token: string;
  action: (state: ConsentConfirmState, form: FormData) => Promise<ConsentConfirmState>;
  // What will be confirmed; replaced by the answer once confirmed.
  children?: ReactNode;
};

const initial: ConsentConfirmState = { labels: null, error: null };

export function ConfirmSubscriptionForm({ shopName, token, action, children }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  if (state.labels) {
    return (
      <div role="status" className="mt-6 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900">
        <p>Thank you: your subscription is confirmed. {shopName} will send you:</p>
        <ul className="mt-2 list-disc pl-6">
          {state.labels.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      </div>
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
        label="Confirm my subscription"
        pendingLabel="Confirming…"
      />
    </>
  );
}
