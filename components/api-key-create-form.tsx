"use client";

import { useActionState, useLayoutEffect, useRef, useState } from "react";
import type { ApiKeyCreateState } from "@/app/[shop]/support/(console)/api-keys/actions";
import { ErrorSummary } from "./error-summary";
import { FormField } from "./form-field";
import { SecretOnce } from "./secret-once";
import { SelectField } from "./select-field";

type Props = {
  action: (state: ApiKeyCreateState, form: FormData) => Promise<ApiKeyCreateState>;
  scopes: { key: string; description: string }[];
  recipients: { key: string; name: string }[];
  nameMaxLength: number;
};

const initial: ApiKeyCreateState = {
  submission: 0,
  fieldErrors: {},
  formError: null,
  values: { name: "", scopes: [], expiresAt: "", recipientKey: "" },
  issued: null,
};

const LABELS = { name: "Name", scopes: "Scopes", expiresAt: "Expires", recipientKey: "Policy recipient" };

// A new key: who uses it, what it may do, until when, and whether it is one of the
// recipients the shop's policy names. The secret comes back once, above the form.
export function ApiKeyCreateForm({ action, scopes, recipients, nameMaxLength }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const [hidden, setHidden] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0 && !state.issued) summary.current?.focus();
  }, [state.submission, state.issued]);
  const scopesError = state.fieldErrors.scopes;
  const isRefused = state.submission > 0 && !state.issued;
  return (
    <div className="space-y-5">
      {state.issued && hidden !== state.submission && (
        <SecretOnce
          key={state.submission}
          kind="created"
          keyName={state.issued.keyName}
          secret={state.issued.secret}
          onDone={() => setHidden(state.submission)}
        />
      )}
      <form key={state.submission} action={formAction} className="space-y-5">
        {isRefused && (
          <ErrorSummary
            ref={summary}
            title="The key was not created"
            formError={state.formError}
            labels={LABELS}
            fieldErrors={state.fieldErrors}
          />
        )}
        <FormField
          label="Name"
          name="name"
          required
          maxLength={nameMaxLength}
          defaultValue={state.values.name}
          autoComplete="off"
          hint={`The partner or system that will use it, e.g. “Acme Marketing”. Customers see this name in their access log. At most ${nameMaxLength} characters.`}
          error={state.fieldErrors.name}
        />
        <fieldset
          id="scopes"
          tabIndex={-1}
          aria-invalid={scopesError ? true : undefined}
          aria-describedby={scopesError ? "scopes-error scopes-hint" : "scopes-hint"}
          className="outline-none"
        >
          <legend className="text-sm font-medium text-slate-800">Scopes</legend>
          <p id="scopes-hint" className="mt-1 text-sm text-slate-500">
            Give only what the partner needs. A key never reaches another shop.
          </p>
          <ul className="mt-2 space-y-2">
            {scopes.map((scope) => (
              <li key={scope.key} className="flex items-start gap-3">
                <input
                  id={`scope-${scope.key}`}
                  type="checkbox"
                  name="scopes"
                  value={scope.key}
                  defaultChecked={state.values.scopes.includes(scope.key)}
                  aria-describedby={`scope-${scope.key}-description`}
                  className="mt-1 h-4 w-4 shrink-0"
                />
                <span className="min-w-0">
                  <label htmlFor={`scope-${scope.key}`} className="font-mono text-sm font-medium text-slate-900">
                    {scope.key}
                  </label>
                  <span id={`scope-${scope.key}-description`} className="block text-sm text-slate-600">
                    {scope.description}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          {scopesError && (
            <p id="scopes-error" className="mt-1 text-sm text-red-700">
              {scopesError}
            </p>
          )}
        </fieldset>
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField
            label="Expires (optional, UTC)"
            name="expiresAt"
            type="datetime-local"
            defaultValue={state.values.expiresAt}
            hint="Leave empty for a key that works until it is revoked."
            error={state.fieldErrors.expiresAt}
          />
          {recipients.length > 0 && (
            <SelectField
              label="This partner is a recipient named in our policy"
              name="recipientKey"
              defaultValue={state.values.recipientKey}
              options={[
                { value: "", label: "No, not a named recipient" },
                ...recipients.map((r) => ({ value: r.key, label: r.name })),
              ]}
              hint="It then receives that recipient's notices of corrections and erasures (GDPR Art. 19) as webhooks."
              error={state.fieldErrors.recipientKey}
            />
          )}
        </div>
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Creating…" : "Create key"}
        </button>
      </form>
    </div>
  );
}
