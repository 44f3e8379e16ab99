"use client";

import { useActionState, useLayoutEffect, useRef, useState } from "react";
import type { RepresentativeRequestState } from "@/app/[shop]/support/actions";
import { ErrorSummary } from "./error-summary";
import { FormField } from "./form-field";

type Option = { type: string; label: string; asksForPurposes: boolean; detailsLabel: string };

type Props = {
  action: (state: RepresentativeRequestState, form: FormData) => Promise<RepresentativeRequestState>;
  types: Option[];
  purposes: { key: string; label: string }[];
  requirement: string | null;
};

const initial: RepresentativeRequestState = {
  submission: 0,
  fieldErrors: {},
  formError: null,
  values: { type: "", purposes: [], details: "", name: "", proof: "" },
};

const LABELS = {
  type: "What they ask for",
  purposes: "Purposes objected to",
  details: "What they wrote",
  representativeName: "Who is acting for the customer",
  representativeProof: "Proof of authority",
};

// Records a request an authorised agent or representative sent by post or email. It
// waits in the queue until a privacy officer has checked the proof.
export function RepresentativeRequestForm({ action, types, purposes, requirement }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const [type, setType] = useState(state.values.type);
  const summary = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0) summary.current?.focus();
  }, [state.submission]);
  const chosen = types.find((t) => t.type === type);
  const errors = state.fieldErrors;
  const textareaClass =
    "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm aria-invalid:border-red-600";
  return (
    <form key={state.submission} action={formAction} className="space-y-5">
      {state.submission > 0 && (
        <ErrorSummary
          ref={summary}
          title="The request was not recorded"
          formError={state.formError}
          labels={LABELS}
          fieldErrors={errors}
        />
      )}
      <fieldset aria-describedby={errors.type ? "type-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">What they ask for</legend>
        <div className="mt-2 space-y-2">
          {types.map((t) => (
            <label key={t.type} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="type"
                value={t.type}
                defaultChecked={state.values.type === t.type}
                onChange={() => setType(t.type)}
                className="mt-1"
              />
              <span>{t.label}</span>
            </label>
          ))}
        </div>
        {errors.type && (
          <p id="type-error" className="mt-1 text-sm text-red-700">
            {errors.type}
          </p>
        )}
      </fieldset>
      {(chosen?.asksForPurposes ?? types.some((t) => t.asksForPurposes)) && purposes.length > 0 && (
        <fieldset aria-describedby={errors.purposes ? "purposes-error" : "purposes-hint"}>
          <legend className="text-sm font-medium text-slate-800">Purposes objected to (objections only)</legend>
          <p id="purposes-hint" className="text-sm text-slate-500">
            The purposes based on the shop&apos;s legitimate interests.
          </p>
          <div className="mt-2 space-y-2">
            {purposes.map((p) => (
              <label key={p.key} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="purposes"
                  value={p.key}
                  defaultChecked={state.values.purposes.includes(p.key)}
                  className="mt-1"
                />
                <span>{p.label}</span>
              </label>
            ))}
          </div>
          {errors.purposes && (
            <p id="purposes-error" className="mt-1 text-sm text-red-700">
              {errors.purposes}
            </p>
          )}
        </fieldset>
      )}
      <div>
        <label htmlFor="details" className="block text-sm font-medium text-slate-800">
          What they wrote
        </label>
        <textarea
          id="details"
          name="details"
          rows={3}
          maxLength={4000}
          defaultValue={state.values.details}
          aria-invalid={errors.details ? true : undefined}
          aria-describedby={errors.details ? "details-error details-hint" : "details-hint"}
          className={textareaClass}
        />
        <p id="details-hint" className="mt-1 text-sm text-slate-500">
          {chosen?.detailsLabel ?? "The request in their words: what they ask for and why."}
        </p>
        {errors.details && (
          <p id="details-error" className="mt-1 text-sm text-red-700">
            {errors.details}
          </p>
        )}
      </div>
      <FormField
        label="Who is acting for the customer"
        name="representativeName"
        required
        maxLength={200}
        defaultValue={state.values.name}
        autoComplete="off"
        error={errors.representativeName}
        hint="A person or an organisation, as they signed."
      />
      <div>
        <label htmlFor="representativeProof" className="block text-sm font-medium text-slate-800">
          Proof of authority
        </label>
        <textarea
          id="representativeProof"
          name="representativeProof"
          required
          rows={3}
          maxLength={4000}
          defaultValue={state.values.proof}
          aria-invalid={errors.representativeProof ? true : undefined}
          aria-describedby={errors.representativeProof ? "proof-error proof-hint" : "proof-hint"}
          className={textareaClass}
        />
        <p id="proof-hint" className="mt-1 text-sm text-slate-500">
          What they sent and where it is kept (for example: signed authorisation dated 2 December, ticket 4411).
          {requirement ? ` The shop's policy asks: ${requirement}` : ""}
        </p>
        {errors.representativeProof && (
          <p id="proof-error" className="mt-1 text-sm text-red-700">
            {errors.representativeProof}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
      >
        {isPending ? "Recording…" : "Record the request"}
      </button>
    </form>
  );
}
