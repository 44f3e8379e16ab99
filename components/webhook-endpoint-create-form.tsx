"use client";

import { useActionState, useLayoutEffect, useRef, useState } from "react";
import type { WebhookCreateState } from "@/app/[shop]/support/(console)/webhooks/actions";
import { ErrorSummary } from "./error-summary";
import { FormField } from "./form-field";
import { SecretOnce } from "./secret-once";
import { SelectField } from "./select-field";
import { WebhookEventCheckboxes } from "./webhook-event-checkboxes";

export type WebhookEventTypeChoice = { type: string; description: string; requiredScope: string };

type Props = {
  action: (state: WebhookCreateState, form: FormData) => Promise<WebhookCreateState>;
  eventTypes: WebhookEventTypeChoice[];
  apiKeys: { id: string; name: string }[];
  // Demo mode only: the demo receiver's URL, offered for the URL field.
  demoReceiverUrl: string | null;
};

const initial: WebhookCreateState = {
  submission: 0,
  fieldErrors: {},
  formError: null,
  values: { url: "", description: "", events: [], apiKeyId: "" },
  issued: null,
};

const LABELS = { url: "URL", description: "Description", events: "Events", apiKeyId: "API key" };

// How a receiver uses the signing secret, under the secret.
export function SigningSecretUsage() {
  return (
    <>
      Give it to whoever runs the receiver, over a safe channel. It checks every message with it: the{" "}
      <code className="font-mono">webhook-signature</code> header holds{" "}
      <code className="font-mono break-all">v1,&lt;base64 HMAC-SHA256 of id.timestamp.body&gt;</code> (any Standard
      Webhooks library does this).
    </>
  );
}

export const SIGNING_SECRET_WHEN_LOST =
  "It is kept encrypted so the app can sign with it, and nobody can read it back here. If it is lost, rotate the secret.";

// A new endpoint: where, what for, which events, and whether it belongs to a partner's
// key. The signing secret comes back once, above the form.
export function WebhookEndpointCreateForm({ action, eventTypes, apiKeys, demoReceiverUrl }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const [hidden, setHidden] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const urlField = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0 && !state.issued) summary.current?.focus();
  }, [state.submission, state.issued]);
  const isRefused = state.submission > 0 && !state.issued;

  function fillDemoReceiver() {
    const input = urlField.current?.querySelector("input");
    if (!input || !demoReceiverUrl) return;
    input.value = demoReceiverUrl;
    input.focus();
  }

  return (
    <div className="space-y-5">
      {state.issued && hidden !== state.submission && (
        <SecretOnce
          key={state.submission}
          kind="created"
          keyName={state.issued.url}
          secret={state.issued.secret}
          whenLost={SIGNING_SECRET_WHEN_LOST}
          usage={<SigningSecretUsage />}
          onDone={() => setHidden(state.submission)}
        />
      )}
      <form key={state.submission} action={formAction} className="space-y-5">
        {isRefused && (
          <ErrorSummary
            ref={summary}
            title="The endpoint was not created"
            formError={state.formError}
            labels={LABELS}
            fieldErrors={state.fieldErrors}
          />
        )}
        <div ref={urlField}>
          <FormField
            label="URL"
            name="url"
            type="url"
            required
            maxLength={2048}
            defaultValue={state.values.url}
            autoComplete="off"
            spellCheck={false}
            hint={
              demoReceiverUrl
                ? "Where the messages are POSTed, e.g. https://partner.example/webhooks. In production https and public addresses only; this demo also takes http and this machine."
                : "Where the messages are POSTed, e.g. https://partner.example/webhooks. https and public addresses only."
            }
            error={state.fieldErrors.url}
          />
          {demoReceiverUrl && (
            <div className="mt-2 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
              <p>
                In demo mode, use <code className="font-mono break-all">{demoReceiverUrl}</code> to see the deliveries
                at{" "}
                <a href="/dev/webhooks" className="underline">
                  /dev/webhooks
                </a>
                .
              </p>
              <button
                type="button"
                onClick={fillDemoReceiver}
                className="mt-2 rounded-md border border-slate-500 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-50"
              >
                Use the demo receiver
              </button>
            </div>
          )}
        </div>
        <FormField
          label="Description (optional)"
          name="description"
          maxLength={200}
          defaultValue={state.values.description}
          autoComplete="off"
          hint="What it is for, e.g. “Newsletter tool: keeps consents in step”. At most 200 characters."
          error={state.fieldErrors.description}
        />
        <WebhookEventCheckboxes
          idPrefix="events"
          eventTypes={eventTypes}
          checked={state.values.events}
          error={state.fieldErrors.events}
        />
        {apiKeys.length > 0 && (
          <SelectField
            label="Belongs to"
            name="apiKeyId"
            defaultValue={state.values.apiKeyId}
            options={[
              { value: "", label: "The shop (no API key)" },
              ...apiKeys.map((k) => ({ value: k.id, label: `API key “${k.name}”` })),
            ]}
            hint="An endpoint of a key gets only the events its scopes cover, stops when the key is revoked, and can be managed with that key (scope webhooks:manage)."
            error={state.fieldErrors.apiKeyId}
          />
        )}
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Adding…" : "Add endpoint"}
        </button>
      </form>
    </div>
  );
}
