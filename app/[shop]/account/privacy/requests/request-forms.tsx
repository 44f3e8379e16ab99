"use client";

import { useActionState, useLayoutEffect, useRef, useState } from "react";
import { ErrorSummary } from "@/components/error-summary";
import type { AddInformationState, RequestFormState, WithdrawState } from "./actions";

const primaryButton = "rounded-md bg-brand px-4 py-2.5 font-semibold text-white hover:opacity-90 disabled:opacity-60";
const secondaryButton =
  "rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60";
const dangerButton = "rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60";
const textarea =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm aria-invalid:border-red-600";

export type RequestTypeChoice = {
  type: string;
  label: string;
  description: string;
  conditions: string | null;
  asksForPurposes: boolean;
  asksForCategories: boolean;
  requiresDetails: boolean;
  detailsLabel: string;
};

type Choice = { key: string; label: string };

// The form's questions, by the ids of their groups (the API's field names).
const LABELS = {
  type: "What are you asking for?",
  purposes: "Which purposes do you object to?",
  categories: "Which data does it concern?",
  details: "Tell us more",
};

// The same in the error summary, which puts a colon after each.
const SUMMARY_LABELS = {
  type: "What you are asking for",
  purposes: "Purposes you object to",
  categories: "Data it concerns",
  details: "Tell us more",
};

const DETAILS_HINT_BEFORE_CHOICE = "Choose what you are asking for above; we then say what helps us most.";

function errorProps(id: string, error: string | undefined, hint?: string) {
  const describedBy = [hint, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-invalid": error ? (true as const) : undefined, "aria-describedby": describedBy || undefined };
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-700">
      {error}
    </p>
  );
}

// A group of boxes: the objection's purposes, or the data a request concerns. Shown by
// CSS only while a type that asks for it is chosen (`when`), so it works without
// JavaScript too.
function ChoiceBoxes({
  name,
  legend,
  hint,
  choices,
  checked,
  error,
  when,
}: {
  name: "purposes" | "categories";
  legend: string;
  hint: string;
  choices: Choice[];
  checked: string[];
  error: string | undefined;
  when: string;
}) {
  return (
    <fieldset id={name} tabIndex={-1} {...errorProps(name, error, `${name}-hint`)} className={`min-w-0 ${when}`}>
      <legend className="font-semibold text-slate-900">{legend}</legend>
      <p id={`${name}-hint`} className="mt-1 text-sm text-slate-600">
        {hint}
      </p>
      <FieldError id={name} error={error} />
      <ul className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {choices.map((c) => (
          <li key={c.key}>
            <label className="flex cursor-pointer items-start gap-2 py-1">
              <input
                type="checkbox"
                name={name}
                value={c.key}
                defaultChecked={checked.includes(c.key)}
                className="mt-1 size-4 shrink-0 accent-brand"
              />
              <span className="min-w-0">{c.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

const emptyValues = { type: "", purposes: [], categories: [], details: "" };
const initialRequest: RequestFormState = { submission: 0, fieldErrors: {}, formError: null, values: emptyValues };

// "File a request": what the customer asks for (the shop's own words for each right),
// then what it concerns, then their words. The API checks everything; a refusal keeps
// what was chosen and typed.
export function RequestForm({
  action,
  types,
  objectionPurposes,
  categories,
}: {
  action: (state: RequestFormState, form: FormData) => Promise<RequestFormState>;
  types: RequestTypeChoice[];
  objectionPurposes: Choice[];
  categories: Choice[];
}) {
  const [state, formAction, isPending] = useActionState(action, initialRequest);
  const { values, fieldErrors } = state;
  // The chosen type names the question the details answer (the hint below the box).
  const [chosen, setChosen] = useState(values.type);
  const summary = useRef<HTMLDivElement>(null);
  const hasErrors = Boolean(state.formError || Object.keys(fieldErrors).length);
  const option = types.find((t) => t.type === chosen);

  useLayoutEffect(() => {
    if (state.submission > 0) summary.current?.focus();
  }, [state.submission]);

  return (
    <div className="space-y-5">
      {hasErrors && (
        <ErrorSummary
          ref={summary}
          title="Your request was not sent"
          formError={state.formError}
          labels={SUMMARY_LABELS}
          fieldErrors={fieldErrors}
        />
      )}
      {/* Rebuilt from the answer's values after each refusal. `group` lets the purpose and
          data boxes follow the chosen type with CSS alone. */}
      <form key={state.submission} action={formAction} className="group space-y-6">
        <fieldset
          id="type"
          tabIndex={-1}
          {...errorProps("type", fieldErrors.type)}
          className="min-w-0"
          onChange={(event) => {
            const input: EventTarget = event.target;
            if (input instanceof HTMLInputElement && input.name === "type") setChosen(input.value);
          }}
        >
          <legend className="font-semibold text-slate-900">{LABELS.type}</legend>
          <FieldError id="type" error={fieldErrors.type} />
          <div className="mt-3 space-y-3">
            {types.map((t) => (
              // The whole card picks the type (the label's ::after covers it); the label
              // is the right's name alone, the description is read as the description.
              <div
                key={t.type}
                className="relative flex gap-3 rounded-md border border-slate-300 bg-white p-4 has-[:checked]:border-brand has-[:checked]:ring-2 has-[:checked]:ring-brand"
              >
                <input
                  id={`type-${t.type}`}
                  type="radio"
                  name="type"
                  value={t.type}
                  defaultChecked={values.type === t.type}
                  data-asks-purposes={t.asksForPurposes ? "" : undefined}
                  data-asks-categories={t.asksForCategories ? "" : undefined}
                  aria-describedby={`type-${t.type}-about`}
                  className="relative z-10 mt-1 size-4 shrink-0 accent-brand"
                />
                <div className="min-w-0">
                  <label
                    htmlFor={`type-${t.type}`}
                    className="block cursor-pointer font-medium text-slate-900 after:absolute after:inset-0 after:content-['']"
                  >
                    {t.label}
                  </label>
                  <p id={`type-${t.type}-about`} className="mt-1 text-sm text-slate-700">
                    {t.description}
                    {t.conditions && <span className="mt-1 block text-slate-600">Conditions: {t.conditions}</span>}
                  </p>
                </div>
              </div>
            ))}
          </div>
        </fieldset>

        {objectionPurposes.length > 0 && types.some((t) => t.asksForPurposes) && (
          <ChoiceBoxes
            name="purposes"
            legend={LABELS.purposes}
            hint="These are the uses of your data that rely on our legitimate interests. Tick each one you object to. To stop marketing, use Subscriptions: that takes effect at once."
            choices={objectionPurposes}
            checked={values.purposes}
            error={fieldErrors.purposes}
            when="hidden group-has-[[data-asks-purposes]:checked]:block"
          />
        )}

        {categories.length > 0 && types.some((t) => t.asksForCategories) && (
          <ChoiceBoxes
            name="categories"
            legend={`${LABELS.categories} (optional)`}
            hint="Leave them all unticked if it concerns all your data."
            choices={categories}
            checked={values.categories}
            error={fieldErrors.categories}
            when="hidden group-has-[[data-asks-categories]:checked]:block"
          />
        )}

        <div>
          <label htmlFor="details" className="block font-semibold text-slate-900">
            {LABELS.details}
            {option && !option.requiresDetails ? " (optional)" : ""}
          </label>
          <p id="details-hint" className="mt-1 text-sm text-slate-600">
            {option ? option.detailsLabel : DETAILS_HINT_BEFORE_CHOICE}
          </p>
          <FieldError id="details" error={fieldErrors.details} />
          <textarea
            id="details"
            name="details"
            rows={5}
            maxLength={4000}
            defaultValue={values.details}
            {...errorProps("details", fieldErrors.details, "details-hint")}
            className={textarea}
          />
        </div>

        <button type="submit" disabled={isPending} className={primaryButton}>
          {isPending ? "Sending…" : "Send request"}
        </button>
      </form>
    </div>
  );
}

const initialAdd: AddInformationState = { submission: 0, error: null, isAdded: false, message: "" };

// "Add information" to an open request: it goes into the request's timeline.
export function AddInformationForm({
  action,
  idPrefix,
}: {
  action: (state: AddInformationState, form: FormData) => Promise<AddInformationState>;
  // Unique on the page: each open request has this form.
  idPrefix: string;
}) {
  const [state, formAction, isPending] = useActionState(action, initialAdd);
  const outcome = useRef<HTMLParagraphElement>(null);
  const id = `${idPrefix}-message`;
  useLayoutEffect(() => {
    if (state.submission > 0) outcome.current?.focus();
  }, [state.submission]);
  return (
    <form key={state.submission} action={formAction} className="space-y-2">
      {state.isAdded && (
        <p
          ref={outcome}
          role="status"
          tabIndex={-1}
          className="rounded-md border-2 border-emerald-700 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
        >
          Added to your request. You can see it in the timeline.
        </p>
      )}
      <label htmlFor={id} className="block font-semibold text-slate-900">
        Add information
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        Anything that helps us decide. We add it to the timeline of this request.
      </p>
      {state.error && (
        <p
          ref={outcome}
          id={`${id}-error`}
          role="alert"
          tabIndex={-1}
          className="text-sm font-medium text-red-700 focus:outline-none"
        >
          {state.error}
        </p>
      )}
      <textarea
        id={id}
        name="message"
        rows={3}
        maxLength={4000}
        defaultValue={state.message}
        {...errorProps(id, state.error ?? undefined, `${id}-hint`)}
        className={textarea}
      />
      <button type="submit" disabled={isPending} className={secondaryButton}>
        {isPending ? "Adding…" : "Add"}
      </button>
    </form>
  );
}

const initialWithdraw: WithdrawState = { submission: 0, error: null };

// "Withdraw request": folded until asked for, then says what it does and asks once more.
export function WithdrawRequestForm({
  action,
}: {
  action: (state: WithdrawState, form: FormData) => Promise<WithdrawState>;
}) {
  const [state, formAction, isPending] = useActionState(action, initialWithdraw);
  const error = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0) error.current?.focus();
  }, [state.submission]);
  return (
    <details open={state.error ? true : undefined} className="rounded-md border border-slate-300 bg-white">
      <summary className="cursor-pointer px-4 py-2 font-semibold text-slate-900">Withdraw request</summary>
      <form action={formAction} className="space-y-3 border-t border-slate-200 px-4 py-3">
        {state.error && (
          <p
            ref={error}
            role="alert"
            tabIndex={-1}
            className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {state.error}
          </p>
        )}
        <p className="text-sm text-slate-700">
          We stop working on it and do nothing more about it. This cannot be undone, but you can file a new request at
          any time.
        </p>
        <button type="submit" disabled={isPending} className={dangerButton}>
          {isPending ? "Withdrawing…" : "Withdraw this request"}
        </button>
      </form>
    </details>
  );
}
