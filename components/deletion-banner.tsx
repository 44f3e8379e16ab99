"use client";

import { usePathname } from "next/navigation";
import { useActionState, useLayoutEffect, useRef } from "react";

export type DeletionCancelState = { submission: number; error: string | null };

type CancelAction = (state: DeletionCancelState) => Promise<DeletionCancelState>;

const initial: DeletionCancelState = { submission: 0, error: null };

// "Cancel deletion": one click, no second question (cancelling loses nothing). On
// success the action goes to the "Delete my account" page, which confirms it.
export function CancelDeletionForm({ action, label = "Cancel deletion" }: { action: CancelAction; label?: string }) {
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
        className="rounded-md border-2 border-slate-800 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
      >
        {isPending ? "Cancelling…" : label}
      </button>
    </form>
  );
}

type BannerProps = {
  shop: string;
  // The date erasure is scheduled for, in words (formatted on the server, so the
  // browser draws the same text); null when no deletion is scheduled.
  scheduledFor: string | null;
  cancel: CancelAction;
};

// Shown on every account page while the account is scheduled for deletion, so signing
// in during the grace period offers to cancel. The "Delete my account" pages say the
// same in their own words and are left out.
export function DeletionBanner({ shop, scheduledFor, cancel }: BannerProps) {
  const pathname = usePathname();
  if (!scheduledFor || pathname.startsWith(`/${shop}/account/privacy/delete`)) return null;
  return (
    <section
      aria-label="Scheduled account deletion"
      className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border-2 border-red-700 bg-red-50 px-4 py-3"
    >
      <p className="text-red-900">
        <strong>Your account is scheduled for deletion on {scheduledFor}.</strong> Until then you can cancel and keep it
        as it is.
      </p>
      <CancelDeletionForm action={cancel} />
    </section>
  );
}
