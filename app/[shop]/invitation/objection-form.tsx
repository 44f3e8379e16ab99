"use client";

import { type ReactNode, useActionState } from "react";
import { OBJECTION_DONE } from "@/components/invitation-wording";
import { TokenForm } from "@/components/token-form";
import type { ObjectionState } from "./actions";

type Props = {
  token: string;
  action: (state: ObjectionState, form: FormData) => Promise<ObjectionState>;
  // What the page says about the friend's details; replaced by the answer once they are deleted.
  children?: ReactNode;
};

const initial: ObjectionState = { isDone: false, error: null };

export function ObjectionForm({ token, action, children }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  if (state.isDone) {
    return (
      <p role="status" className="mt-6 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900">
        {OBJECTION_DONE}
      </p>
    );
  }
  return (
    <>
      {children}
      <section aria-labelledby="object" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="object" className="text-lg font-semibold">
          Don&apos;t want to hear from us?
        </h2>
        <p className="mt-1 text-slate-700">
          We delete your details at once and make sure nobody can invite this address again. You need no account.
        </p>
        {state.error && (
          <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800">
            {state.error}
          </p>
        )}
        <TokenForm
          token={token}
          action={formAction}
          isPending={isPending}
          label="Don't contact me again"
          pendingLabel="Deleting your details…"
        />
      </section>
    </>
  );
}
