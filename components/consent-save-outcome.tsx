"use client";

import type { Ref } from "react";
import type { ConsentSaveState } from "./consent-options";
import { consentStateText } from "./policy-wording";

type Props = {
  state: ConsentSaveState;
  email: string;
  ref?: Ref<HTMLDivElement>;
};

// What a save did, at the top of a consent form: what changed, and whether a
// confirmation link is on its way. Takes the focus after each answer.
export function ConsentSaveOutcome({ state, email, ref }: Props) {
  if (state.outcome === "unchanged") {
    return (
      <div
        ref={ref}
        role="status"
        tabIndex={-1}
        className="rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900"
      >
        Nothing to save: you have not changed anything.
      </div>
    );
  }
  if (state.outcome !== "saved") return null;
  const hasWithdrawal = state.changed.some((c) => c.state === "WITHDRAWN");
  return (
    <div
      ref={ref}
      role="status"
      tabIndex={-1}
      className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900"
    >
      <p className="font-semibold">Your choices are saved.</p>
      <ul className="mt-1 list-disc pl-5">
        {state.changed.map((c) => (
          <li key={c.label}>
            {c.label}: {consentStateText(c.state).toLowerCase()}
          </li>
        ))}
      </ul>
      {hasWithdrawal && <p className="mt-2">Withdrawals take effect at once.</p>}
      {state.isConfirmationSent && (
        <p className="mt-2">
          <strong>We sent a confirmation link to your email address</strong> ({email}). Your email subscriptions start
          when you follow it; until then they are waiting for you to confirm by email.
        </p>
      )}
    </div>
  );
}
