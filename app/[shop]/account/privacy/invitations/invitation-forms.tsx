"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import { ErrorSummary } from "@/components/error-summary";
import { FormField } from "@/components/form-field";
import { InvitationCopyLink } from "@/components/invitation-copy-link";
import { PLATFORM_NAMES, SHARE_BUTTON_LABELS } from "@/components/invitation-wording";
import type { EmailInviteState, InvitationFormState, ShareLinkState } from "./actions";

type ShareChannel = keyof typeof SHARE_BUTTON_LABELS;

const primaryButton = "rounded-md bg-brand px-4 py-2.5 font-semibold text-white hover:opacity-90 disabled:opacity-60";
const secondaryButton =
  "rounded-md border border-slate-400 bg-white px-4 py-2.5 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60";
const dangerButton = "rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60";

function Refusal({ submission, error }: { submission: number; error: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (submission > 0 && error) ref.current?.focus();
  }, [submission, error]);
  if (!error) return null;
  return (
    <p
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {error}
    </p>
  );
}

const initialShare: ShareLinkState = { submission: 0, channel: null, link: null, shareUrl: null, error: null };

// The share buttons (one form, the pressed button names the channel) and, once made,
// the new link to copy, with the platform's share page where one was chosen.
export function ShareLinkForms({
  action,
  channels,
  isAtLimit,
}: {
  action: (state: ShareLinkState, form: FormData) => Promise<ShareLinkState>;
  channels: ShareChannel[];
  // Today's invitations are used up: the buttons go, a link just made stays.
  isAtLimit: boolean;
}) {
  const [state, formAction, isPending] = useActionState(action, initialShare);
  const platform = state.channel ? PLATFORM_NAMES[state.channel as ShareChannel] : undefined;
  const result = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0 && state.link) result.current?.focus();
  }, [state.submission, state.link]);
  return (
    <div className="space-y-4">
      <form action={formAction} hidden={isAtLimit} className="flex flex-wrap gap-3">
        {channels.map((channel) => (
          <button
            key={channel}
            type="submit"
            name="channel"
            value={channel}
            disabled={isPending}
            className={channel === "LINK" ? primaryButton : secondaryButton}
          >
            {SHARE_BUTTON_LABELS[channel]}
          </button>
        ))}
      </form>
      <Refusal submission={state.submission} error={state.error} />
      {state.link && (
        <div
          ref={result}
          tabIndex={-1}
          className="space-y-3 rounded-md border-2 border-emerald-700 bg-emerald-50 p-4 focus:outline-none"
        >
          <p role="status" className="font-semibold text-emerald-900">
            {platform ? `Your link is ready to share on ${platform}.` : "Your link is ready."}
          </p>
          <InvitationCopyLink
            link={state.link}
            label="Your invitation link"
            hint="Send it to one friend. It works once: the first account opened with it accepts it."
          />
          {state.shareUrl && platform && (
            <p>
              <a
                href={state.shareUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-block rounded-md bg-brand px-4 py-2.5 font-semibold text-white no-underline hover:opacity-90"
              >
                Open {platform}&apos;s share page
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

const initialEmail: EmailInviteState = {
  submission: 0,
  fieldErrors: {},
  formError: null,
  sentTo: null,
  values: { email: "", name: "", friendAgreed: false },
};

// "Invite by email": the friend's address, an optional name, and the inviter's word that
// the friend agreed to hear from the shop.
export function EmailInviteForm({
  action,
  shopName,
  isAtLimit,
}: {
  action: (state: EmailInviteState, form: FormData) => Promise<EmailInviteState>;
  shopName: string;
  // Today's invitations are used up: the form goes, the note of the last one stays.
  isAtLimit: boolean;
}) {
  const [state, formAction, isPending] = useActionState(action, initialEmail);
  const summary = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const hasErrors = Boolean(state.formError || Object.keys(state.fieldErrors).length);
  const agreedError = state.fieldErrors.friendAgreed;

  useLayoutEffect(() => {
    if (state.submission === 0) return;
    if (state.sentTo) done.current?.focus();
    else summary.current?.focus();
  }, [state.submission, state.sentTo]);

  return (
    <div className="space-y-5">
      {hasErrors && (
        <ErrorSummary
          ref={summary}
          title="Your invitation was not sent"
          formError={state.formError}
          labels={{
            email: "Friend's email address",
            name: "Friend's name",
            friendAgreed: `My friend agreed to hear from ${shopName}`,
          }}
          fieldErrors={state.fieldErrors}
        />
      )}
      {state.sentTo && (
        <p
          ref={done}
          role="status"
          tabIndex={-1}
          className="rounded-md border-2 border-emerald-700 bg-emerald-50 px-4 py-3 text-emerald-900"
        >
          We sent one email to {state.sentTo}. It is the only one we send them about it.
        </p>
      )}
      <form key={state.submission} action={formAction} hidden={isAtLimit} className="space-y-5">
        <FormField
          label="Friend's email address"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={state.values.email}
          error={state.fieldErrors.email}
        />
        <FormField
          label="Friend's name (optional)"
          name="name"
          autoComplete="off"
          maxLength={100}
          defaultValue={state.values.name}
          hint="Only to greet them in the email."
          error={state.fieldErrors.name}
        />
        <div className="flex items-start gap-2">
          <input
            id="friendAgreed"
            type="checkbox"
            name="friendAgreed"
            required
            defaultChecked={state.values.friendAgreed}
            aria-invalid={agreedError ? true : undefined}
            aria-describedby={`friendAgreed-hint${agreedError ? " friendAgreed-error" : ""}`}
            className="mt-1 size-4 shrink-0 accent-brand"
          />
          <div>
            <label htmlFor="friendAgreed" className="font-medium text-slate-900">
              My friend agreed to hear from {shopName}
            </label>
            <p id="friendAgreed-hint" className="text-sm text-slate-600">
              We send exactly one email. It tells your friend that you gave us their address, what we keep and for how
              long, and lets them say no to further contact.
            </p>
            {agreedError && (
              <p id="friendAgreed-error" className="mt-1 text-sm text-red-700">
                {agreedError}
              </p>
            )}
          </div>
        </div>
        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? "Sending…" : "Send invitation"}
        </button>
      </form>
    </div>
  );
}

const initialForm: InvitationFormState = { submission: 0, error: null };

// "Withdraw": folded until asked for, then says what it does and asks once more.
export function WithdrawForm({
  action,
  what,
  consequence,
}: {
  action: (state: InvitationFormState, form: FormData) => Promise<InvitationFormState>;
  // "this share link", "the invitation to ana@example.com"
  what: string;
  consequence: string;
}) {
  const [state, formAction, isPending] = useActionState(action, initialForm);
  return (
    <details open={state.error ? true : undefined} className="rounded-md border border-slate-300 bg-white">
      <summary className="cursor-pointer px-4 py-2 font-semibold text-slate-900">Withdraw</summary>
      <form action={formAction} className="space-y-3 border-t border-slate-200 px-4 py-3">
        <Refusal submission={state.submission} error={state.error} />
        <p className="text-sm text-slate-700">{consequence}</p>
        <button type="submit" disabled={isPending} className={dangerButton}>
          {isPending ? "Withdrawing…" : `Withdraw ${what}`}
        </button>
      </form>
    </details>
  );
}

// "Erase all friends' details": folded, then confirmed.
export function EraseAllForm({
  action,
}: {
  action: (state: InvitationFormState, form: FormData) => Promise<InvitationFormState>;
}) {
  const [state, formAction, isPending] = useActionState(action, initialForm);
  return (
    <details open={state.error ? true : undefined} className="rounded-md border border-slate-300 bg-white">
      <summary className="cursor-pointer px-4 py-2 font-semibold text-slate-900">
        Erase all friends&apos; details
      </summary>
      <form action={formAction} className="space-y-3 border-t border-slate-200 px-4 py-3">
        <Refusal submission={state.submission} error={state.error} />
        <p className="text-sm text-slate-700">
          Every friend&apos;s email address and name you gave us is deleted for good. Email invitations still open are
          withdrawn, so their links stop working. Share links hold nothing about anyone and stay as they are.
        </p>
        <button type="submit" disabled={isPending} className={dangerButton}>
          {isPending ? "Erasing…" : "Erase all friends' details now"}
        </button>
      </form>
    </details>
  );
}
