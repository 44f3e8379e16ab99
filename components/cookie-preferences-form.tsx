"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import {
  type ConsentItem,
  type ConsentSaveState,
  controlId,
  INITIAL_SAVE_STATE,
  isOn,
  storedSignature,
} from "./consent-options";
import { ConsentSaveOutcome } from "./consent-save-outcome";
import { ConsentSwitch } from "./consent-switch";
import { ErrorSummary } from "./error-summary";

type Props = {
  action: (state: ConsentSaveState, form: FormData) => Promise<ConsentSaveState>;
  email: string;
  // The cookie purposes, required ones included.
  consents: ConsentItem[];
};

// The shop's cookie categories: the strictly necessary ones as "always on" text (they
// need no consent and cannot be refused), the others as switches. Save sends only what
// changed, in one consentUpdate.
export function CookiePreferencesForm({ action, email, consents }: Props) {
  const [state, formAction, isPending] = useActionState(action, INITIAL_SAVE_STATE);
  const outcome = useRef<HTMLDivElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (state.submission === 0) return;
    (state.outcome ? outcome : summary).current?.focus();
  }, [state.submission, state.outcome]);

  const optional = consents.filter((c) => !c.purpose.isRequired);
  const labels = Object.fromEntries(consents.map((c) => [controlId(c.purpose.key), c.purpose.label]));
  const isChecked = (c: ConsentItem) => (state.values ? state.values.includes(c.purpose.key) : isOn(c.state));

  return (
    // Drawn anew after each answer, and whenever the stored choices change (after
    // recording Global Privacy Control, say): unticked boxes do not follow new props.
    <form key={`${state.submission}:${storedSignature(consents)}`} action={formAction} className="space-y-6">
      <ConsentSaveOutcome ref={outcome} state={state} email={email} />
      {state.submission > 0 && !state.outcome && (
        <ErrorSummary
          ref={summary}
          title="Nothing was changed. Check the following:"
          formError={state.formError}
          labels={labels}
          fieldErrors={state.fieldErrors}
        />
      )}
      <div className="divide-y divide-slate-200">
        {consents.map((consent) =>
          consent.purpose.isRequired ? (
            <div key={consent.purpose.key} className="flex items-start justify-between gap-4 py-4">
              <div className="min-w-0">
                <h3 className="font-medium">{consent.purpose.label}</h3>
                <p className="mt-1 text-sm text-slate-600">{consent.purpose.description}</p>
                <p className="mt-2 text-sm text-slate-700">
                  Needed for the website to work, so they need no consent and cannot be switched off.
                </p>
              </div>
              <span className="shrink-0 rounded-full bg-slate-200 px-3 py-1 text-sm font-semibold text-slate-900">
                Always on
              </span>
            </div>
          ) : (
            <ConsentSwitch
              key={consent.purpose.key}
              consent={consent}
              isChecked={isChecked(consent)}
              isLocked={consent.isOverriddenByGlobalPrivacyControl}
              error={state.fieldErrors[controlId(consent.purpose.key)]}
            >
              <p>{consent.purpose.description}</p>
            </ConsentSwitch>
          ),
        )}
      </div>
      {optional.length > 0 && optional.every((c) => c.isOverriddenByGlobalPrivacyControl) ? (
        <p className="border-t border-slate-200 pt-5 text-sm text-slate-700">
          While your browser sends the Global Privacy Control signal, every optional cookie is off and there is nothing
          to change here.
        </p>
      ) : optional.length > 0 ? (
        <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-5">
          <button
            type="submit"
            disabled={isPending}
            className="rounded-md bg-brand px-5 py-2.5 font-semibold text-white disabled:opacity-60"
          >
            {isPending ? "Saving…" : "Save cookie choices"}
          </button>
          <p className="text-sm text-slate-600">Only what you changed is saved. Withdrawals take effect at once.</p>
        </div>
      ) : (
        <p className="text-sm text-slate-700">
          This shop uses no optional cookies, so there is nothing for you to choose.
        </p>
      )}
    </form>
  );
}
