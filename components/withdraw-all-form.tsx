"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import type { ConsentWithdrawAllState } from "./consent-options";

type Props = {
  action: (state: ConsentWithdrawAllState) => Promise<ConsentWithdrawAllState>;
  shopName: string;
  // How many subscriptions are given or waiting for confirmation now.
  activeCount: number;
};

const initial: ConsentWithdrawAllState = { submission: 0, withdrawn: null, error: null };

// "Unsubscribe from everything": one click, no second question; it takes effect at once.
export function WithdrawAllForm({ action, shopName, activeCount }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const answer = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (state.submission > 0) answer.current?.focus();
  }, [state.submission]);

  return (
    <div className="mt-3 space-y-3">
      {state.withdrawn && (
        <div
          ref={answer}
          role="status"
          tabIndex={-1}
          className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900"
        >
          {state.withdrawn.length ? (
            <>
              <p className="font-semibold">
                You are unsubscribed from everything. This took effect at once: {shopName} sends you no more marketing
                and no longer uses your data for advertising or sharing.
              </p>
              <p className="mt-1">Withdrawn: {state.withdrawn.join("; ")}.</p>
            </>
          ) : (
            <p>You were not subscribed to anything, so nothing changed.</p>
          )}
        </div>
      )}
      {state.error && (
        <div
          ref={answer}
          role="alert"
          tabIndex={-1}
          className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          {state.error}
        </div>
      )}
      {activeCount > 0 ? (
        <form action={formAction}>
          <button
            type="submit"
            disabled={isPending}
            className="rounded-md border-2 border-red-700 bg-white px-5 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {isPending ? "Unsubscribing…" : "Unsubscribe from everything"}
          </button>
        </form>
      ) : (
        !state.withdrawn?.length && (
          <p className="text-sm text-slate-700">You are not subscribed to anything at the moment.</p>
        )
      )}
    </div>
  );
}
