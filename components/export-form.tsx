"use client";

import { useActionState, useLayoutEffect, useRef } from "react";
import type { ExportRequestState } from "@/app/[shop]/account/privacy/export/actions";
import { formatTime } from "./dates";
import { ErrorSummary } from "./error-summary";
import { EXPORT_FORMATS, formatLabel } from "./export-options";
import { FormField } from "./form-field";

type Props = {
  action: (state: ExportRequestState, form: FormData) => Promise<ExportRequestState>;
  initial: ExportRequestState;
  categories: { key: string; label: string }[];
  // Today (YYYY-MM-DD, UTC): the latest date the range offers.
  today: string;
};

const LABELS: Record<string, string> = {
  format: "Format",
  categories: "What to include",
  from: "From",
  to: "To",
};

function errorProps(id: string, error: string | undefined) {
  return error ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};
}

export function ExportForm({ action, initial, categories, today }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const summary = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLDivElement>(null);

  // After each answer, bring the outcome into view and to the screen reader.
  useLayoutEffect(() => {
    if (state.submission === 0) return;
    (state.outcome ? done : summary).current?.focus();
  }, [state.submission, state.outcome]);

  const isRefused = state.submission > 0 && !state.outcome;
  const { values, fieldErrors } = state;
  const isChosen = (key: string) => values.categories === null || values.categories.includes(key);

  return (
    // Rebuilt from the answer's values after each submission: what was chosen when the
    // server refused, the defaults after a success.
    <form key={state.submission} action={formAction} className="space-y-6">
      {state.outcome && state.export && (
        <div
          ref={done}
          role="status"
          tabIndex={-1}
          className={`rounded-md border px-4 py-3 text-sm ${
            state.outcome === "existing"
              ? "border-sky-300 bg-sky-50 text-sky-900"
              : "border-green-700 bg-green-50 text-green-900"
          }`}
        >
          {state.outcome === "existing" ? (
            <p>
              <strong>An export is already being prepared:</strong> the {formatLabel(state.export.format)} export you
              asked for on {formatTime(state.export.createdAt)}. Only one is prepared at a time; it is shown below, and
              you can ask for another one when it is ready.
            </p>
          ) : (
            <p>
              <strong>We are preparing your {formatLabel(state.export.format)} download.</strong> Follow its progress
              below; we also send you an email when it is ready.
            </p>
          )}
        </div>
      )}
      {isRefused && (
        <ErrorSummary
          ref={summary}
          title="No export was started. Check the following:"
          formError={state.formError}
          labels={LABELS}
          fieldErrors={fieldErrors}
        />
      )}

      <fieldset id="format" tabIndex={-1} {...errorProps("format", fieldErrors.format)}>
        <legend className="text-lg font-semibold">Format</legend>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {EXPORT_FORMATS.map((f) => (
            <label
              key={f.value}
              className="flex cursor-pointer gap-3 rounded-md border border-slate-300 bg-white p-4 has-[:checked]:border-brand has-[:checked]:ring-2 has-[:checked]:ring-brand"
            >
              <input
                type="radio"
                name="format"
                value={f.value}
                defaultChecked={values.format === f.value}
                aria-describedby={`format-${f.value}-hint`}
                className="mt-1 size-4 shrink-0 accent-brand"
              />
              <span>
                <span className="block font-medium">{f.label}</span>
                <span id={`format-${f.value}-hint`} className="mt-1 block text-sm text-slate-600">
                  {f.explanation}
                </span>
              </span>
            </label>
          ))}
        </div>
        {fieldErrors.format && (
          <p id="format-error" className="mt-1 text-sm text-red-700">
            {fieldErrors.format}
          </p>
        )}
      </fieldset>

      <fieldset id="categories" tabIndex={-1} {...errorProps("categories", fieldErrors.categories)}>
        <legend className="text-lg font-semibold">What to include</legend>
        <p className="mt-1 text-sm text-slate-600">Everything is included unless you untick what you do not need.</p>
        {fieldErrors.categories && (
          <p id="categories-error" className="mt-1 text-sm text-red-700">
            {fieldErrors.categories}
          </p>
        )}
        <ul className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          {categories.map((c) => (
            <li key={c.key}>
              <label className="flex cursor-pointer items-start gap-2 py-1">
                <input
                  type="checkbox"
                  name="categories"
                  value={c.key}
                  defaultChecked={isChosen(c.key)}
                  className="mt-1 size-4 shrink-0 accent-brand"
                />
                <span>{c.label}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset aria-describedby="dates-hint">
        <legend className="text-lg font-semibold">Dates (optional)</legend>
        <p id="dates-hint" className="mt-1 text-sm text-slate-600">
          Only records dated in this range, such as orders, invoices and sign-ins. Your account details (name, contact
          details, addresses) are always included. Leave both empty for all dates.
        </p>
        <div className="mt-3 grid gap-5 sm:grid-cols-2">
          <FormField
            label="From"
            name="from"
            type="date"
            max={today}
            defaultValue={values.from}
            error={fieldErrors.from}
          />
          <FormField label="To" name="to" type="date" defaultValue={values.to} error={fieldErrors.to} />
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-5">
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-brand px-5 py-2.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Asking…" : "Prepare my download"}
        </button>
        <p className="text-sm text-slate-600">Preparing takes from a few seconds to a few minutes.</p>
      </div>
    </form>
  );
}
