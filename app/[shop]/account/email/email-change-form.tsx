"use client";

import Link from "next/link";
import { useActionState } from "react";
import { formatTime } from "@/components/dates";
import { FormField } from "@/components/form-field";
import type { EmailChangeState } from "./actions";

type Props = {
  action: (state: EmailChangeState, form: FormData) => Promise<EmailChangeState>;
  // Demo mode: the link is read in the dev mailbox rather than a real inbox.
  isDemo: boolean;
  // False for an account opened with a social provider: no password to ask for; a recent
  // sign-in with the provider counts instead (the password page offers it).
  hasPassword: boolean;
  // Where to confirm it's you with a linked provider, then come back.
  confirmUrl: string;
};

const initial: EmailChangeState = {
  fieldErrors: {},
  formError: null,
  sentTo: null,
  expiresAt: null,
  values: { newEmail: "" },
};

export function EmailChangeForm({ action, isDemo, hasPassword, confirmUrl }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  return (
    <form action={formAction} className="space-y-5">
      {state.sentTo && (
        <div
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <p>
            We sent a confirmation link to <strong>{state.sentTo}</strong>. Open it while signed in to this account
            {state.expiresAt ? `, before ${formatTime(state.expiresAt)}` : ""}. Until then your account keeps its
            current address.
          </p>
          {isDemo && (
            <p className="mt-2">
              Demo: read the message in the{" "}
              <Link href="/dev/mailbox" className="font-medium underline">
                dev mailbox
              </Link>
              .
            </p>
          )}
        </div>
      )}
      {state.formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.formError}
        </p>
      )}
      <FormField
        label="New email address"
        name="newEmail"
        type="email"
        defaultValue={state.values.newEmail}
        autoComplete="email"
        required
        maxLength={254}
        error={state.fieldErrors.newEmail}
      />
      {hasPassword ? (
        <FormField
          label="Current password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          hint="We ask for it again because the email address is how you sign in."
          error={state.fieldErrors.password}
        />
      ) : (
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            Your account has no password. If you have not signed in with a linked provider in the last 10 minutes, we
            ask you to confirm it&apos;s you first.
          </p>
          {state.fieldErrors.password && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">
              {state.fieldErrors.password}{" "}
              <Link href={confirmUrl} className="font-medium underline">
                Confirm it&apos;s you
              </Link>
            </p>
          )}
        </div>
      )}
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md bg-brand px-4 py-2.5 font-semibold text-white disabled:opacity-60"
      >
        {isPending ? "Sending the link…" : "Send confirmation link"}
      </button>
    </form>
  );
}
