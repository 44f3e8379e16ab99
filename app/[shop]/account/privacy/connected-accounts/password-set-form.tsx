"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import { ErrorSummary } from "@/components/error-summary";
import { FormField } from "@/components/form-field";
import { ProviderButtons, type ProviderOption } from "@/components/provider-buttons";
import type { PasswordSetState } from "./actions";

type Props = {
  action: (state: PasswordSetState, form: FormData) => Promise<PasswordSetState>;
  // The linked providers, to confirm it's you with when that was too long ago.
  linked: ProviderOption[];
  // Where a confirmation with a provider comes back to.
  confirmUrl: string;
};

const initial: PasswordSetState = { submission: 0, fieldErrors: {}, formError: null, needsConfirmation: false };

// A first password for an account opened with a provider, so it no longer depends on the
// provider alone.
export function PasswordSetForm({ action, linked, confirmUrl }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = Boolean(state.formError || Object.keys(state.fieldErrors).length);

  useLayoutEffect(() => {
    if (state.submission > 0) summary.current?.focus();
  }, [state.submission]);

  return (
    <div className="space-y-5">
      {hasErrors && (
        <ErrorSummary
          ref={summary}
          title="Your password was not set"
          formError={state.formError}
          labels={{ password: "New password", confirm: "Type it again" }}
          fieldErrors={state.fieldErrors}
        />
      )}
      {state.needsConfirmation && linked.length > 0 && (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-4">
          <p className="text-sm text-slate-700">
            Confirm it&apos;s you with a provider linked to your account; you come back here and have 10 minutes to set
            your password.
          </p>
          <div className="mt-3">
            <ProviderButtons providers={linked} callbackUrl={confirmUrl} labelPrefix="Confirm it's you with" />
          </div>
        </div>
      )}
      <form key={state.submission} action={formAction} className="space-y-5">
        <FormField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          hint="At least 10 characters."
          error={state.fieldErrors.password}
        />
        <FormField
          label="Type it again"
          name="confirm"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          error={state.fieldErrors.confirm}
        />
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-brand px-4 py-2.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Setting…" : "Set password"}
        </button>
      </form>
    </div>
  );
}
