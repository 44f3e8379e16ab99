"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import type { ImpersonationEndState } from "@/app/[shop]/support/actions";

type Props = {
  action: (state: ImpersonationEndState) => Promise<ImpersonationEndState>;
  // Light on the dark banner, dark in the console.
  tone?: "banner" | "console";
};

const initial: ImpersonationEndState = { submission: 0, error: null };

// "End session": ends the support session and goes back to the console.
export function EndSupportSessionForm({ action, tone = "console" }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const error = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0) error.current?.focus();
  }, [state.submission]);
  return (
    <form action={formAction} className="space-y-2">
      {state.error && (
        <p
          ref={error}
          role="alert"
          tabIndex={-1}
          className="rounded-md border border-red-300 bg-white px-3 py-2 text-sm text-red-800"
        >
          {state.error}
        </p>
      )}
      <button
        type="submit"
        disabled={isPending}
        className={
          tone === "banner"
            ? "rounded-md border-2 border-white bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
            : "rounded-md border-2 border-slate-800 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
        }
      >
        {isPending ? "Ending…" : "End session"}
      </button>
    </form>
  );
}
