"use client";

import { useActionState, useId, useLayoutEffect, useRef, useState } from "react";
import type { ApiKeyRevokeState, ApiKeyRotateState } from "@/app/[shop]/support/(console)/api-keys/actions";
import { DEFAULT_ROTATE_OVERLAP, ROTATE_OVERLAPS } from "./api-key-wording";
import { SecretOnce } from "./secret-once";

type Props = {
  keyName: string;
  status: string;
  rotate: (state: ApiKeyRotateState, form: FormData) => Promise<ApiKeyRotateState>;
  revoke: (state: ApiKeyRevokeState) => Promise<ApiKeyRevokeState>;
};

const BUTTON =
  "rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2";

// Rotate (a new secret; the old one keeps working for a chosen time) and revoke (with a
// confirmation step) one key. A rotated secret is shown once, here, under the key.
export function ApiKeyControls({ keyName, status, rotate, revoke }: Props) {
  const [rotateState, rotateAction, isRotating] = useActionState(rotate, { submission: 0, error: null, issued: null });
  const [revokeState, revokeAction, isRevoking] = useActionState(revoke, {
    submission: 0,
    error: null,
    isRevoked: false,
  });
  const [hidden, setHidden] = useState(0);
  const [isConfirming, setConfirming] = useState(false);
  const confirm = useRef<HTMLElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const answer = useRef<HTMLParagraphElement>(null);
  const id = useId();
  useLayoutEffect(() => {
    if (isConfirming) confirm.current?.focus();
  }, [isConfirming]);
  useLayoutEffect(() => {
    if (revokeState.submission > 0) {
      setConfirming(false);
      answer.current?.focus();
    }
  }, [revokeState.submission]);
  useLayoutEffect(() => {
    if (rotateState.error) answer.current?.focus();
  }, [rotateState.error]);

  const isActive = status === "ACTIVE";
  const canRevoke = status !== "REVOKED";
  const error = revokeState.isRevoked ? null : (revokeState.error ?? rotateState.error);
  // A revoked key has nothing left to do, except to say so right after it was revoked here.
  if (!canRevoke && !revokeState.isRevoked) return null;
  return (
    <div className="mt-4 space-y-4 border-t border-slate-200 pt-4">
      {rotateState.issued && hidden !== rotateState.submission && (
        <SecretOnce
          key={rotateState.submission}
          kind="rotated"
          keyName={rotateState.issued.keyName}
          secret={rotateState.issued.secret}
          onDone={() => setHidden(rotateState.submission)}
        />
      )}
      {(error || revokeState.isRevoked) && (
        <p
          ref={answer}
          tabIndex={-1}
          role={error ? "alert" : "status"}
          className={
            error
              ? "rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
              : "rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900"
          }
        >
          {error ?? "Revoked: every call with this key is now refused."}
        </p>
      )}
      <div className="flex flex-col gap-4 sm:flex-row sm:flex-wrap sm:items-end sm:justify-between">
        {isActive && (
          <form action={rotateAction} className="min-w-0">
            <fieldset>
              <legend className="text-sm font-medium text-slate-900">
                Rotate: how long the current secret keeps working
              </legend>
              <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
                {ROTATE_OVERLAPS.map((choice) => (
                  <label key={choice.value} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="overlap"
                      value={choice.value}
                      defaultChecked={choice.value === DEFAULT_ROTATE_OVERLAP}
                      className="h-4 w-4"
                    />
                    {choice.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <button
              type="submit"
              disabled={isRotating}
              className={`mt-3 bg-slate-900 text-white hover:bg-slate-700 ${BUTTON}`}
            >
              {isRotating ? "Rotating…" : "Rotate secret"}
              <span className="sr-only"> of {keyName}</span>
            </button>
          </form>
        )}
        {canRevoke && !isConfirming && (
          <button
            ref={revokeButton}
            type="button"
            onClick={() => setConfirming(true)}
            className={`self-start border-2 border-red-700 bg-white text-red-800 hover:bg-red-50 sm:self-end ${BUTTON}`}
          >
            Revoke…<span className="sr-only"> {keyName}</span>
          </button>
        )}
      </div>
      {canRevoke && isConfirming && (
        <section
          ref={confirm}
          tabIndex={-1}
          aria-labelledby={`${id}-confirm`}
          className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900 outline-none"
        >
          <p id={`${id}-confirm`} className="font-semibold wrap-anywhere">
            Revoke “{keyName}”?
          </p>
          <p className="mt-1">
            Every call with its secrets is refused at once, and it cannot be turned back on: the partner will need a new
            key.
          </p>
          <form action={revokeAction} className="mt-3 flex flex-wrap gap-3">
            <button type="submit" disabled={isRevoking} className={`bg-red-700 text-white hover:bg-red-800 ${BUTTON}`}>
              {isRevoking ? "Revoking…" : "Yes, revoke it now"}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => revokeButton.current?.focus());
              }}
              className={`border border-slate-500 bg-white text-slate-900 hover:bg-slate-50 ${BUTTON}`}
            >
              Cancel
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
