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

type Option = { key: string; label: string };

export type SwitchWording = {
  // What the switch means, in general words.
  explanation: string;
  // The shop's own words for it, from its privacy policy.
  policy: { label: string; description: string } | null;
};

type Props = {
  action: (state: ConsentSaveState, form: FormData) => Promise<ConsentSaveState>;
  shopName: string;
  email: string;
  channels: Option[];
  topics: Option[];
  // The marketing purposes (channel × topic) and the profiling and sharing switches.
  consents: ConsentItem[];
  switchWording: Record<string, SwitchWording>;
  requiresDoubleOptIn: boolean;
};

// "My subscriptions": marketing as a grid of topics (rows) by channels (columns), which
// stacks by topic on a phone, then the advertising/profiling and sharing switches. Save
// sends only what changed, in one consentUpdate.
export function SubscriptionsForm({
  action,
  shopName,
  email,
  channels,
  topics,
  consents,
  switchWording,
  requiresDoubleOptIn,
}: Props) {
  const [state, formAction, isPending] = useActionState(action, INITIAL_SAVE_STATE);
  const outcome = useRef<HTMLDivElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (state.submission === 0) return;
    (state.outcome ? outcome : summary).current?.focus();
  }, [state.submission, state.outcome]);

  const marketing = (topic: string, channel: string) =>
    consents.find((c) => c.purpose.kind === "MARKETING" && c.purpose.topic === topic && c.purpose.channel === channel);
  const switches = consents.filter((c) => c.purpose.kind !== "MARKETING");
  const isChecked = (c: ConsentItem) => (state.values ? state.values.includes(c.purpose.key) : isOn(c.state));
  const labels = Object.fromEntries(consents.map((c) => [controlId(c.purpose.key), c.purpose.label]));
  const emailChannel = channels.find((c) => c.key === "email");

  return (
    // Drawn anew after each answer, and whenever the stored choices change (after
    // "unsubscribe from everything", say): unticked boxes do not follow new props.
    <form key={`${state.submission}:${storedSignature(consents)}`} action={formAction} className="space-y-8">
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

      <section aria-labelledby="marketing">
        <h2 id="marketing" className="text-xl font-semibold">
          Messages from {shopName}
        </h2>
        <p id="marketing-hint" className="mt-1 text-sm text-slate-600">
          Tick each topic you want to hear about, on each channel you want it on. Nothing is ticked unless you chose it.
          {requiresDoubleOptIn && emailChannel
            ? ` For ${emailChannel.label}, we first send you a link to confirm that the address is yours: nothing is sent until you follow it.`
            : ""}
        </p>
        <table className="mt-4 w-full border-collapse">
          <caption className="sr-only">Topics (rows) by channel (columns)</caption>
          <thead className="hidden sm:table-header-group">
            <tr className="border-b border-slate-300">
              <td className="py-2 pr-4" />
              {channels.map((channel) => (
                <th key={channel.key} scope="col" className="w-36 px-3 py-2 text-center text-sm font-semibold">
                  {channel.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => (
              <tr
                key={topic.key}
                className="grid grid-cols-2 gap-x-4 gap-y-1 border-b border-slate-200 py-3 sm:table-row sm:py-0"
              >
                <th scope="row" className="col-span-2 text-left font-medium sm:py-3 sm:pr-4">
                  {topic.label}
                </th>
                {channels.map((channel) => {
                  const consent = marketing(topic.key, channel.key);
                  if (!consent) return <td key={channel.key} className="hidden sm:table-cell" />;
                  const id = controlId(consent.purpose.key);
                  const error = state.fieldErrors[id];
                  const isPendingConfirmation = consent.state === "PENDING";
                  const describedBy = [
                    isPendingConfirmation ? `${id}-note` : null,
                    error ? `${id}-error` : null,
                  ].filter(Boolean);
                  return (
                    <td key={channel.key} className="align-top sm:px-3 sm:py-3 sm:text-center">
                      <input type="hidden" name="offered" value={consent.purpose.key} />
                      {isOn(consent.recordedState) && <input type="hidden" name="was" value={consent.purpose.key} />}
                      <label className="inline-flex cursor-pointer items-center gap-2 py-1">
                        <input
                          id={id}
                          type="checkbox"
                          name="purpose"
                          value={consent.purpose.key}
                          defaultChecked={isChecked(consent)}
                          aria-label={`${topic.label} by ${channel.label}`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={describedBy.length ? describedBy.join(" ") : undefined}
                          className="size-5 shrink-0 accent-brand"
                        />
                        <span className="sm:sr-only">{channel.label}</span>
                      </label>
                      {isPendingConfirmation && (
                        <p id={`${id}-note`} className="text-xs text-amber-900 sm:mx-auto sm:max-w-36">
                          waiting for you to confirm by email
                        </p>
                      )}
                      {error && (
                        <p id={`${id}-error`} className="text-xs text-red-700">
                          {error}
                        </p>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {switches.length > 0 && (
        <section aria-labelledby="advertising">
          <h2 id="advertising" className="text-xl font-semibold">
            Advertising and sharing
          </h2>
          <div className="mt-2 divide-y divide-slate-200">
            {switches.map((consent) => {
              const wording = switchWording[consent.purpose.key];
              return (
                <ConsentSwitch
                  key={consent.purpose.key}
                  consent={consent}
                  isChecked={isChecked(consent)}
                  isLocked={consent.isOverriddenByGlobalPrivacyControl}
                  error={state.fieldErrors[controlId(consent.purpose.key)]}
                >
                  {wording && <p>{wording.explanation}</p>}
                  {wording?.policy && (
                    <p>
                      In the privacy policy, &ldquo;{wording.policy.label}&rdquo;: {wording.policy.description}
                    </p>
                  )}
                </ConsentSwitch>
              );
            })}
          </div>
        </section>
      )}

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-5">
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-brand px-5 py-2.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Saving…" : "Save my choices"}
        </button>
        <p className="text-sm text-slate-600">Only what you changed is saved. Withdrawals take effect at once.</p>
      </div>
    </form>
  );
}
