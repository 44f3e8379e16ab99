"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import { ErrorSummary } from "@/components/error-summary";
import { FormField } from "@/components/form-field";
import type { DeletionRequestState } from "./actions";

type Props = {
  action: (state: DeletionRequestState, form: FormData) => Promise<DeletionRequestState>;
  word: string;
  // A link is waiting already: asking again sends a new one.
  isAskingAgain: boolean;
  // False for an account opened with a social provider: no password field; a recent
  // sign-in with a linked provider counts instead (confirmUrl offers it).
  hasPassword: boolean;
  confirmUrl: string;
};

const initial: DeletionRequestState = {
  submission: 0,
  isSent: false,
  fieldErrors: {},
  formError: null,
  values: { confirmation: "" },
};

// The password and the typed word, then an emailed link: three separate acts of will
// before anything is scheduled.
export function DeletionForm({ action, word, isAskingAgain, hasPassword, confirmUrl }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = Boolean(state.formError || Object.keys(state.fieldErrors).length);

  // After a refusal the summary takes the focus; after success the page's status (drawn
  // anew by the server) does.
  useLayoutEffect(() => {
    if (state.submission === 0) return;
    if (state.isSent) document.getElementById("deletion-status")?.focus();
    else summary.current?.focus();
  }, [state.submission, state.isSent]);

  return (
    <form key={state.submission} action={formAction} className="space-y-5" noValidate>
      {hasErrors && (
        <ErrorSummary
          ref={summary}
          title="Nothing was deleted"
          formError={state.formError}
          labels={{ password: "Password", confirmation: `Type ${word} to confirm` }}
          fieldErrors={state.fieldErrors}
        />
      )}
      {hasPassword ? (
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          hint="The password you sign in with."
          error={state.fieldErrors.password}
        />
      ) : (
        state.fieldErrors.password && (
          <p className="text-sm text-slate-700">
            <a href={confirmUrl} className="font-medium underline">
              Confirm it&apos;s you with a linked provider
            </a>
            , then come back here.
          </p>
        )
      )}
      <FormField
        label={`Type ${word} to confirm`}
        name="confirmation"
        type="text"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        defaultValue={state.values.confirmation}
        error={state.fieldErrors.confirmation}
      />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md bg-red-700 px-5 py-2.5 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
      >
        {isPending ? "Checking…" : isAskingAgain ? "Send a new confirmation link" : "Delete my account"}
      </button>
    </form>
  );
}
