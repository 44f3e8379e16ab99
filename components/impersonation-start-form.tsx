"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import type { ImpersonationStartState } from "@/app/[shop]/support/actions";
import { ErrorSummary } from "./error-summary";
import { FormField } from "./form-field";

type Props = {
  action: (state: ImpersonationStartState, form: FormData) => Promise<ImpersonationStartState>;
  reasonMinLength: number;
  reasonMaxLength: number;
  ticketMaxLength: number;
};

const initial: ImpersonationStartState = {
  submission: 0,
  fieldErrors: {},
  formError: null,
  values: { reason: "", ticket: "" },
};

const LABELS = { reason: "Reason", ticket: "Ticket reference" };

// Starts a support session: a reason the customer will read and the ticket it is for.
// On success the action goes to the customer's privacy centre.
export function ImpersonationStartForm({ action, reasonMinLength, reasonMaxLength, ticketMaxLength }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const summary = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0) summary.current?.focus();
  }, [state.submission]);
  const reasonError = state.fieldErrors.reason;
  return (
    <form key={state.submission} action={formAction} className="space-y-5">
      {state.submission > 0 && (
        <ErrorSummary
          ref={summary}
          title="The session was not started"
          formError={state.formError}
          labels={LABELS}
          fieldErrors={state.fieldErrors}
        />
      )}
      <div>
        <label htmlFor="reason" className="block text-sm font-medium text-slate-800">
          Reason
        </label>
        <textarea
          id="reason"
          name="reason"
          required
          rows={3}
          minLength={reasonMinLength}
          maxLength={reasonMaxLength}
          defaultValue={state.values.reason}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? "reason-error reason-hint" : "reason-hint"}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm aria-invalid:border-red-600"
        />
        <p id="reason-hint" className="mt-1 text-sm text-slate-500">
          At least {reasonMinLength} characters. The customer reads it in their access log (and, where the shop says so,
          in an email).
        </p>
        {reasonError && (
          <p id="reason-error" className="mt-1 text-sm text-red-700">
            {reasonError}
          </p>
        )}
      </div>
      <FormField
        label="Ticket reference"
        name="ticket"
        required
        maxLength={ticketMaxLength}
        defaultValue={state.values.ticket}
        autoComplete="off"
        error={state.fieldErrors.ticket}
      />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white disabled:opacity-60"
      >
        {isPending ? "Starting…" : "Start support session"}
      </button>
    </form>
  );
}
