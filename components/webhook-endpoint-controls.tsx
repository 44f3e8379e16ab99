"use client";

import { useActionState, useId, useLayoutEffect, useRef, useState } from "react";
import type {
  WebhookDeleteState,
  WebhookEditState,
  WebhookRotateState,
} from "@/app/[shop]/support/(console)/webhooks/actions";
import { SecretOnce } from "./secret-once";
import {
  SIGNING_SECRET_WHEN_LOST,
  SigningSecretUsage,
  type WebhookEventTypeChoice,
} from "./webhook-endpoint-create-form";
import { WebhookEventCheckboxes } from "./webhook-event-checkboxes";

type Props = {
  url: string;
  isEnabled: boolean;
  description: string;
  events: string[];
  eventTypes: WebhookEventTypeChoice[];
  update: (state: WebhookEditState, form: FormData) => Promise<WebhookEditState>;
  rotate: (state: WebhookRotateState) => Promise<WebhookRotateState>;
  remove: (state: WebhookDeleteState) => Promise<WebhookDeleteState>;
};

const BUTTON =
  "rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2";

const EDIT_INITIAL: WebhookEditState = { submission: 0, error: null, fieldErrors: {}, done: null };

// One endpoint's actions: change its events and description, enable it again, rotate its
// signing secret (shown once, here; the old one signs for 24 hours more) and delete it
// after a confirmation.
export function WebhookEndpointControls({
  url,
  isEnabled,
  description,
  events,
  eventTypes,
  update,
  rotate,
  remove,
}: Props) {
  const [editState, editAction, isSaving] = useActionState(update, EDIT_INITIAL);
  const [enableState, enableAction, isEnabling] = useActionState(update, EDIT_INITIAL);
  const [rotateState, rotateAction, isRotating] = useActionState(rotate, { submission: 0, error: null, issued: null });
  const [deleteState, deleteAction, isDeleting] = useActionState(remove, {
    submission: 0,
    error: null,
    isDeleted: false,
  });
  const [hidden, setHidden] = useState(0);
  const [isConfirming, setConfirming] = useState(false);
  const confirm = useRef<HTMLElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const answer = useRef<HTMLParagraphElement>(null);
  const editAnswer = useRef<HTMLParagraphElement>(null);
  const id = useId();
  useLayoutEffect(() => {
    if (isConfirming) confirm.current?.focus();
  }, [isConfirming]);
  useLayoutEffect(() => {
    if (deleteState.submission > 0) {
      setConfirming(false);
      answer.current?.focus();
    }
  }, [deleteState.submission]);
  useLayoutEffect(() => {
    if (rotateState.error || enableState.submission > 0) answer.current?.focus();
  }, [rotateState.error, enableState.submission]);
  useLayoutEffect(() => {
    if (editState.submission > 0) editAnswer.current?.focus();
  }, [editState.submission]);

  if (deleteState.isDeleted) {
    return (
      <p
        ref={answer}
        tabIndex={-1}
        role="status"
        className="mt-4 rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900"
      >
        Deleted: nothing more is sent to it, and its waiting deliveries were cancelled.
      </p>
    );
  }
  const error = deleteState.error ?? rotateState.error ?? enableState.error;
  const notice = error ?? enableState.done;
  const editError = editState.error ?? Object.values(editState.fieldErrors)[0] ?? null;
  return (
    <div className="mt-4 space-y-4 border-t border-slate-200 pt-4">
      {rotateState.issued && hidden !== rotateState.submission && (
        <SecretOnce
          key={rotateState.submission}
          kind="rotated"
          keyName={rotateState.issued.url}
          secret={rotateState.issued.secret}
          whenLost={`${SIGNING_SECRET_WHEN_LOST} The previous secret keeps signing for 24 hours, beside this one, so the receiver can switch without missing a message.`}
          usage={<SigningSecretUsage />}
          onDone={() => setHidden(rotateState.submission)}
        />
      )}
      {notice && (
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
          {notice}
        </p>
      )}
      <details className="group" open={editState.submission > 0 && !editState.done ? true : undefined}>
        <summary className="cursor-pointer text-sm font-semibold text-slate-900">
          Change events and description<span className="sr-only"> of {url}</span>
        </summary>
        <form key={editState.submission} action={editAction} className="mt-3 space-y-4">
          {(editError || editState.done) && (
            <p
              ref={editAnswer}
              tabIndex={-1}
              role={editError ? "alert" : "status"}
              className={
                editError
                  ? "rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
                  : "rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900"
              }
            >
              {editError ?? editState.done}
            </p>
          )}
          <div>
            <label htmlFor={`${id}-description`} className="block text-sm font-medium text-slate-800">
              Description
            </label>
            <input
              id={`${id}-description`}
              name="description"
              maxLength={200}
              defaultValue={description}
              autoComplete="off"
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm"
            />
          </div>
          <WebhookEventCheckboxes
            idPrefix={`${id}-events`}
            eventTypes={eventTypes}
            checked={events}
            error={editState.fieldErrors.events}
          />
          <button type="submit" disabled={isSaving} className={`bg-slate-900 text-white hover:bg-slate-700 ${BUTTON}`}>
            {isSaving ? "Saving…" : "Save changes"}
          </button>
        </form>
      </details>
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center">
        {!isEnabled && (
          <form action={enableAction}>
            <input type="hidden" name="enable" value="1" />
            <button
              type="submit"
              disabled={isEnabling}
              className={`bg-green-800 text-white hover:bg-green-900 ${BUTTON}`}
            >
              {isEnabling ? "Enabling…" : "Enable again"}
              <span className="sr-only"> {url}</span>
            </button>
          </form>
        )}
        <form action={rotateAction}>
          <button
            type="submit"
            disabled={isRotating}
            className={`border border-slate-500 bg-white text-slate-900 hover:bg-slate-50 ${BUTTON}`}
          >
            {isRotating ? "Rotating…" : "Rotate signing secret"}
            <span className="sr-only"> of {url}</span>
          </button>
        </form>
        {!isConfirming && (
          <button
            ref={deleteButton}
            type="button"
            onClick={() => setConfirming(true)}
            className={`self-start border-2 border-red-700 bg-white text-red-800 hover:bg-red-50 sm:ml-auto sm:self-auto ${BUTTON}`}
          >
            Delete…<span className="sr-only"> {url}</span>
          </button>
        )}
      </div>
      {isConfirming && (
        <section
          ref={confirm}
          tabIndex={-1}
          aria-labelledby={`${id}-confirm`}
          className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900 outline-none"
        >
          <p id={`${id}-confirm`} className="font-semibold wrap-anywhere">
            Delete the endpoint {url}?
          </p>
          <p className="mt-1">
            Nothing more is sent to it, its waiting deliveries are cancelled, and it cannot be brought back: a new
            endpoint gets a new secret.
          </p>
          <form action={deleteAction} className="mt-3 flex flex-wrap gap-3">
            <button type="submit" disabled={isDeleting} className={`bg-red-700 text-white hover:bg-red-800 ${BUTTON}`}>
              {isDeleting ? "Deleting…" : "Yes, delete it"}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => deleteButton.current?.focus());
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
