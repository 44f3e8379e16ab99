"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import type { ConnectedAccountFormState } from "./actions";

type FormAction = (state: ConnectedAccountFormState, form: FormData) => Promise<ConnectedAccountFormState>;

const initial: ConnectedAccountFormState = { submission: 0, error: null };

function Refusal({ state }: { state: ConnectedAccountFormState }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0 && state.error) ref.current?.focus();
  }, [state.submission, state.error]);
  if (!state.error) return null;
  return (
    <p
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {state.error}
    </p>
  );
}

// "Unlink": folded until asked for, then a second step with the choice to erase what the
// provider gave us. Works as a plain form without JavaScript.
export function UnlinkForm({ action, name, keptText }: { action: FormAction; name: string; keptText: string }) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const id = `erase-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <details open={state.error ? true : undefined} className="group rounded-md border border-slate-300 bg-white">
      <summary className="cursor-pointer px-4 py-2 font-semibold text-slate-900">Unlink {name}</summary>
      <form action={formAction} className="space-y-3 border-t border-slate-200 px-4 py-3">
        <Refusal state={state} />
        <p className="text-sm text-slate-700">
          {name} will no longer sign you in to this account. You can link it again later.
        </p>
        <div className="flex items-start gap-2">
          <input
            id={id}
            type="checkbox"
            name="erase"
            className="mt-1 size-4 shrink-0 accent-brand"
            aria-describedby={`${id}-hint`}
          />
          <div>
            <label htmlFor={id} className="text-sm font-medium text-slate-900">
              Also erase what {name} gave us
            </label>
            <p id={`${id}-hint`} className="text-sm text-slate-600">
              {keptText}
            </p>
          </div>
        </div>
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          {isPending ? "Unlinking…" : `Unlink ${name}`}
        </button>
      </form>
    </details>
  );
}

// "Erase what <provider> gave us", for a provider unlinked earlier: folded, then confirmed.
export function EraseForm({ action, name }: { action: FormAction; name: string }) {
  const [state, formAction, isPending] = useActionState(action, initial);
  return (
    <details open={state.error ? true : undefined} className="rounded-md border border-slate-300 bg-white">
      <summary className="cursor-pointer px-4 py-2 font-semibold text-slate-900">Erase what {name} gave us</summary>
      <form action={formAction} className="space-y-3 border-t border-slate-200 px-4 py-3">
        <Refusal state={state} />
        <p className="text-sm text-slate-700">
          Everything listed above is deleted for good. {name} stays unlinked; linking it again later starts afresh.
        </p>
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          {isPending ? "Erasing…" : "Erase now"}
        </button>
      </form>
    </details>
  );
}
