"use client";

import Link from "next/link";
import { useActionState, useLayoutEffect, useRef } from "react";
import { CancelDeletionForm, type DeletionCancelState } from "@/components/deletion-banner";
import { TokenForm } from "@/components/token-form";
import type { DeletionConfirmState } from "../actions";

type Props = {
  token: string;
  deletePage: string;
  action: (state: DeletionConfirmState, form: FormData) => Promise<DeletionConfirmState>;
  cancel: (state: DeletionCancelState) => Promise<DeletionCancelState>;
  // The open request as the page found it: scheduled (when, in words) or being erased.
  scheduledFor: string | null;
  isErasing: boolean;
};

const initial: DeletionConfirmState = { submission: 0, outcome: null, scheduledFor: null, error: null };

// The button that confirms (TokenForm, a POST); or the state the request is in.
export function ConfirmDeletionForm({ token, deletePage, action, cancel, scheduledFor, isErasing }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const answer = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (state.submission > 0) answer.current?.focus();
  }, [state.submission]);

  if (state.outcome === "now" || (isErasing && !state.outcome)) {
    return (
      <div
        ref={answer}
        role="status"
        tabIndex={-1}
        className="mt-6 rounded-lg border-2 border-slate-800 bg-white px-5 py-4 text-slate-900"
      >
        <p className="font-semibold">Your account is being deleted now; you will be signed out.</p>
        <p className="mt-1 text-sm">We will email you a receipt of what was deleted and what was kept.</p>
      </div>
    );
  }
  if (state.outcome === "scheduled") {
    return (
      <div
        ref={answer}
        role="status"
        tabIndex={-1}
        className="mt-6 space-y-3 rounded-lg border-2 border-sky-700 bg-sky-50 px-5 py-4 text-sky-900"
      >
        <p className="font-semibold">Confirmed. Your account is scheduled for deletion on {state.scheduledFor}.</p>
        <p className="text-sm">
          Until then you can cancel here or on any page of your account, and your account stays as it is. We emailed you
          the date.
        </p>
        <CancelDeletionForm action={cancel} />
      </div>
    );
  }
  if (scheduledFor && !state.error) {
    return (
      <div role="status" className="mt-6 space-y-3 rounded-lg border-2 border-sky-700 bg-sky-50 px-5 py-4 text-sky-900">
        <p className="font-semibold">Your account is scheduled for deletion on {scheduledFor}.</p>
        <p className="text-sm">
          This link was already used. Until then you can cancel, and your account stays as it is.
        </p>
        <CancelDeletionForm action={cancel} />
      </div>
    );
  }
  return (
    <>
      {state.error && (
        <div
          ref={answer}
          role="alert"
          tabIndex={-1}
          className="mt-6 rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-red-900"
        >
          <p className="font-semibold">Your account was not deleted.</p>
          <p className="mt-1">{state.error.message}</p>
          <p className="mt-2">
            <Link href={deletePage} className="underline">
              Go to Delete my account
            </Link>
          </p>
        </div>
      )}
      {!state.error && (
        <TokenForm
          token={token}
          action={formAction}
          isPending={isPending}
          label="Delete my account"
          pendingLabel="Confirming…"
          tone="danger"
        />
      )}
    </>
  );
}
