"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import type { GlobalPrivacyControlState } from "./consent-options";

type Props = {
  action: (state: GlobalPrivacyControlState) => Promise<GlobalPrivacyControlState>;
  // The request carries Sec-GPC: 1.
  hasSignal: boolean;
  // The shop's profile honours the signal.
  isHonoured: boolean;
  shopName: string;
  regimeName: string;
  // What the signal covers in this shop.
  coveredLabels: string[];
  // Of those, what the records still say is given (or waiting for confirmation).
  stillRecordedLabels: string[];
};

const initial: GlobalPrivacyControlState = { submission: 0, withdrawn: null, error: null };

// What the browser's Global Privacy Control signal does here. Drawing it writes
// nothing: the signal holds while it is sent, and recording it as a withdrawal (so it
// also holds for email, other devices and partners) is the customer's click.
export function GlobalPrivacyControlNotice({
  action,
  hasSignal,
  isHonoured,
  shopName,
  regimeName,
  coveredLabels,
  stillRecordedLabels,
}: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const answer = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (state.submission > 0) answer.current?.focus();
  }, [state.submission]);

  if (!hasSignal) return null;
  if (!isHonoured || coveredLabels.length === 0) {
    return (
      <p role="note" className="rounded-md border border-slate-300 bg-slate-100 px-4 py-3 text-sm text-slate-700">
        Your browser sends a Global Privacy Control signal. The privacy law {shopName} follows ({regimeName}) does not
        require it to act on that signal, so it changes nothing here: the choices on this page are the ones that count.
      </p>
    );
  }
  return (
    <section
      aria-labelledby="gpc"
      className="rounded-lg border border-indigo-300 bg-indigo-50 px-4 py-4 text-sm text-indigo-950 sm:px-5"
    >
      <h2 id="gpc" className="text-base font-semibold">
        Global Privacy Control is on
      </h2>
      <p className="mt-1">
        Your browser sends a Global Privacy Control signal; we treat it as your choice to opt out of:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {coveredLabels.map((label) => (
          <li key={label}>{label}</li>
        ))}
      </ul>
      <p className="mt-2">
        While your browser sends it, these are off and cannot be switched on here. To allow one of them, turn Global
        Privacy Control off in your browser first.
      </p>
      {state.withdrawn && (
        <div
          ref={answer}
          role="status"
          tabIndex={-1}
          className="mt-3 rounded-md border border-green-700 bg-green-50 px-4 py-3 text-green-900"
        >
          {state.withdrawn.length
            ? `Recorded: your consent to ${state.withdrawn.join("; ")} is withdrawn.`
            : "Your records already say no to all of these: nothing needed recording."}
        </div>
      )}
      {state.error && (
        <div
          ref={answer}
          role="alert"
          tabIndex={-1}
          className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-800"
        >
          {state.error}
        </div>
      )}
      {stillRecordedLabels.length > 0 && (
        <form action={formAction} className="mt-3 space-y-2">
          <p>
            Your earlier choice still says yes to {stillRecordedLabels.join("; ")}. The signal only counts while your
            browser sends it; record it as your choice so that it also holds on your other devices and in what we send
            you.
          </p>
          <button
            type="submit"
            disabled={isPending}
            className="rounded-md bg-brand px-5 py-2.5 font-semibold text-white disabled:opacity-60"
          >
            {isPending ? "Recording…" : "Record my opt-out"}
          </button>
        </form>
      )}
    </section>
  );
}
