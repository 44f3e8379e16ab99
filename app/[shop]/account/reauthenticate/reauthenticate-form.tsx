"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/components/error-summary";
import { FormField } from "@/components/form-field";
import type { ReauthenticateState } from "./actions";

type Props = {
  action: (state: ReauthenticateState, form: FormData) => Promise<ReauthenticateState>;
  next: string;
};

const initial: ReauthenticateState = { submission: 0, fieldErrors: {}, formError: null, download: null };

export function ReauthenticateForm({ action, next }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const summary = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLDivElement>(null);
  // The submission whose download was started: once each, even if the effect runs again.
  const started = useRef(0);

  useEffect(() => {
    if (state.submission === 0) return;
    if (state.download) {
      done.current?.focus();
      if (started.current === state.submission) return;
      started.current = state.submission;
      // The file comes as a download, so the browser stays on this page.
      window.location.assign(state.download);
    } else {
      summary.current?.focus();
    }
  }, [state.submission, state.download]);

  if (state.download) {
    return (
      <div
        ref={done}
        role="status"
        tabIndex={-1}
        className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900"
      >
        <p className="font-semibold">Thank you. Your download is starting.</p>
        <p className="mt-2">
          If it does not start,{" "}
          <a href={state.download} className="font-medium underline">
            download the file
          </a>
          .
        </p>
      </div>
    );
  }

  const isRefused = state.submission > 0;
  return (
    <form key={state.submission} action={formAction} className="space-y-5">
      {isRefused && (state.formError || Object.keys(state.fieldErrors).length > 0) && (
        <ErrorSummary
          ref={summary}
          title="Your password was not accepted"
          formError={state.formError}
          labels={{ password: "Password" }}
          fieldErrors={state.fieldErrors}
        />
      )}
      <input type="hidden" name="next" value={next} />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors.password}
      />
      <button
        type="submit"
        disabled={isPending}
        className="w-full rounded-md bg-brand px-4 py-2.5 font-semibold text-white disabled:opacity-60"
      >
        {isPending ? "Checking…" : "Continue"}
      </button>
    </form>
  );
}
