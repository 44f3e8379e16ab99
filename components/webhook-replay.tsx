"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import type { WebhookReplayState } from "@/app/[shop]/support/(console)/webhooks/actions";

const INITIAL: WebhookReplayState = { submission: 0, error: null, done: null };

const BUTTON =
  "rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2";

function Answer({ state, ref }: { state: WebhookReplayState; ref: React.Ref<HTMLParagraphElement> }) {
  if (!state.error && !state.done) return null;
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role={state.error ? "alert" : "status"}
      className={
        state.error
          ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
          : "rounded-md border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900"
      }
    >
      {state.error ?? state.done}
    </p>
  );
}

// Sends one delivery's event again (a new delivery, same webhook-id).
export function ReplayDeliveryButton({
  label,
  replay,
}: {
  // What is replayed, for screen readers: e.g. "consent.updated of 22 Nov 2026, 07:58 UTC".
  label: string;
  replay: (state: WebhookReplayState) => Promise<WebhookReplayState>;
}) {
  const [state, action, isPending] = useActionState(replay, INITIAL);
  const answer = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0) answer.current?.focus();
  }, [state.submission]);
  return (
    <div className="space-y-2">
      <form action={action}>
        <button
          type="submit"
          disabled={isPending}
          className={`border border-slate-500 bg-white text-slate-900 hover:bg-slate-50 ${BUTTON}`}
        >
          {isPending ? "Replaying…" : "Replay"}
          <span className="sr-only"> {label}</span>
        </button>
      </form>
      <Answer state={state} ref={answer} />
    </div>
  );
}

// Sends again every event since a time whose delivery to this endpoint did not succeed.
export function ReplaySinceForm({
  replay,
  defaultSince,
  isDisabled,
}: {
  replay: (state: WebhookReplayState, form: FormData) => Promise<WebhookReplayState>;
  // A datetime-local value (UTC), e.g. 24 hours ago.
  defaultSince: string;
  isDisabled: boolean;
}) {
  const [state, action, isPending] = useActionState(replay, INITIAL);
  const answer = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0) answer.current?.focus();
  }, [state.submission]);
  return (
    <form action={action} className="space-y-3">
      <div>
        <label htmlFor="since" className="block text-sm font-medium text-slate-800">
          Replay everything since (UTC)
        </label>
        <input
          id="since"
          name="since"
          type="datetime-local"
          required
          defaultValue={defaultSince}
          aria-describedby="since-hint"
          className="mt-1 block w-full max-w-xs rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm"
        />
        <p id="since-hint" className="mt-1 text-sm text-slate-500">
          Every event since then that did not reach this endpoint (failed or cancelled, and not waiting or delivered
          since) is sent again, oldest first, with its original webhook-id.
          {isDisabled ? " Enable the endpoint first." : ""}
        </p>
      </div>
      <button
        type="submit"
        disabled={isPending || isDisabled}
        className={`bg-slate-900 text-white hover:bg-slate-700 ${BUTTON}`}
      >
        {isPending ? "Replaying…" : "Replay everything since then"}
      </button>
      <Answer state={state} ref={answer} />
    </form>
  );
}
