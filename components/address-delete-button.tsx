"use client";

import { useActionState, useLayoutEffect, useRef, useState } from "react";
import type { AddressDeleteState } from "@/app/[shop]/account/privacy/data/addresses/actions";

type Props = {
  action: (state: AddressDeleteState, form: FormData) => Promise<AddressDeleteState>;
  // Names the address for screen readers, e.g. "Home".
  name: string;
};

// Deleting takes two steps: "Delete" asks, "Confirm delete" deletes.
export function AddressDeleteButton({ action, name }: Props) {
  const [state, formAction, isPending] = useActionState(action, { error: null });
  const [isAsking, setIsAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const hasAsked = useRef(false);

  useLayoutEffect(() => {
    if (isAsking) confirm.current?.focus();
    else if (hasAsked.current) ask.current?.focus();
    hasAsked.current ||= isAsking;
  }, [isAsking]);

  if (!isAsking) {
    return (
      <button
        ref={ask}
        type="button"
        onClick={() => setIsAsking(true)}
        className="rounded-md border border-red-700 bg-white px-3 py-1.5 text-sm font-medium text-red-800"
      >
        Delete<span className="sr-only"> {name}</span>
      </button>
    );
  }
  return (
    <form action={formAction} className="w-full rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p>Delete this address from your address book? Past orders and invoices keep the address they were sent to.</p>
      {state.error && (
        <p role="alert" className="mt-2 font-medium">
          {state.error}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-3">
        <button
          ref={confirm}
          type="submit"
          disabled={isPending}
          className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Deleting…" : "Confirm delete"}
          <span className="sr-only"> {name}</span>
        </button>
        <button
          type="button"
          onClick={() => setIsAsking(false)}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800"
        >
          Keep it
        </button>
      </div>
    </form>
  );
}
