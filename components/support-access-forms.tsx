"use client";

import { useActionState, useLayoutEffect, useRef, useState } from "react";
import { SUPPORT_ACCESS_CHOICES, type SupportAccessFormState, supportAccessText } from "./access-log-wording";

type Props = {
  access: { isPermissionRequired: boolean; isAllowed: boolean; expiresAt: string | null };
  // Whether a permission is in force (there is something to withdraw).
  hasGrant: boolean;
  grant: (state: SupportAccessFormState, form: FormData) => Promise<SupportAccessFormState>;
  revoke: (state: SupportAccessFormState) => Promise<SupportAccessFormState>;
};

const initial: SupportAccessFormState = { submission: 0, message: null, error: null };

// The answer of a form: focused once it is drawn, so a screen reader reads it.
function Answer({ state }: { state: SupportAccessFormState }) {
  const answer = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0) answer.current?.focus();
  }, [state.submission]);
  if (state.error) {
    return (
      <div
        ref={answer}
        role="alert"
        tabIndex={-1}
        className="mt-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
      >
        {state.error}
      </div>
    );
  }
  if (state.message) {
    return (
      <div
        ref={answer}
        role="status"
        tabIndex={-1}
        className="mt-3 rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900"
      >
        {state.message}
      </div>
    );
  }
  return null;
}

const BUTTON =
  "rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2";

// Whether support staff may open the account; where the shop asks the customer first,
// allow for a period or withdraw; everywhere, end an open support session at once.
export function SupportAccessForms({ access, hasGrant, grant, revoke }: Props) {
  const [grantState, grantAction, isGranting] = useActionState(grant, initial);
  const [revokeState, revokeAction, isRevoking] = useActionState(revoke, initial);
  // Only the latest answer is shown: "allowed" must not stay on screen after a withdrawal.
  const [last, setLast] = useState<"grant" | "revoke" | null>(null);
  useLayoutEffect(() => {
    if (grantState.submission > 0) setLast("grant");
  }, [grantState.submission]);
  useLayoutEffect(() => {
    if (revokeState.submission > 0) setLast("revoke");
  }, [revokeState.submission]);

  return (
    <div className="mt-2 space-y-4">
      <p className={access.isPermissionRequired && access.isAllowed ? "font-medium text-slate-900" : "text-slate-700"}>
        {supportAccessText(access)}
      </p>
      {access.isPermissionRequired && (
        <form action={grantAction}>
          <fieldset>
            <legend className="text-sm font-medium text-slate-900">
              {access.isAllowed ? "Change for how long" : "Allow support staff into your account"}
            </legend>
            <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
              {SUPPORT_ACCESS_CHOICES.map((choice, i) => (
                <label key={choice.value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="duration"
                    value={choice.value}
                    defaultChecked={i === 0}
                    className="h-4 w-4"
                  />
                  {choice.label}
                </label>
              ))}
            </div>
          </fieldset>
          <button
            type="submit"
            disabled={isGranting}
            className={`mt-3 bg-slate-900 text-white hover:bg-slate-700 ${BUTTON}`}
          >
            {isGranting ? "Allowing…" : "Allow"}
          </button>
          {last === "grant" && <Answer state={grantState} />}
        </form>
      )}
      <form action={revokeAction} className="border-t border-slate-200 pt-4">
        <p className="text-sm text-slate-700">
          {hasGrant
            ? "Withdrawing takes effect at once: an open support session ends now."
            : "If a support agent is in your account now and you want them out, you can end the session at once."}
        </p>
        <button
          type="submit"
          disabled={isRevoking}
          className={`mt-2 border-2 border-red-700 bg-white text-red-800 hover:bg-red-50 ${BUTTON}`}
        >
          {isRevoking ? "Ending…" : hasGrant ? "Withdraw now" : "End any open support session now"}
        </button>
        {last === "revoke" && <Answer state={revokeState} />}
      </form>
    </div>
  );
}
