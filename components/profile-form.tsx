"use client";

import { useActionState, useLayoutEffect, useRef, useState } from "react";
import type { ProfileState } from "@/app/[shop]/account/privacy/data/profile/actions";
import {
  GENDER_OPTIONS,
  genderLabel,
  MAX_PHONES,
  PHONE_KIND_OPTIONS,
  type PhoneRow,
  type ProfileValues,
  phoneKindLabel,
} from "./correction-options";
import { ErrorSummary } from "./error-summary";
import { FormField } from "./form-field";
import { SelectField } from "./select-field";

type Props = {
  action: (state: ProfileState, form: FormData) => Promise<ProfileState>;
  initial: ProfileState;
  // The latest date of birth the form offers (today, YYYY-MM-DD).
  maxDateOfBirth: string;
  // The country whose numbers are understood without a country code, e.g. "Bulgaria".
  phoneCountry: string;
};

const LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  alias: "Alias",
  dateOfBirth: "Date of birth",
  gender: "Gender",
  hometown: "Hometown",
  phones: "Phone numbers",
};

const newKey = () => `n${Math.random().toString(36).slice(2, 10)}`;
const phoneId = (key: string) => `phones.${key}.number`;

export function ProfileForm({ action, initial, maxDateOfBirth, phoneCountry }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const summary = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLDivElement>(null);

  // After each answer, bring the outcome into view and to the screen reader.
  useLayoutEffect(() => {
    if (state.submission === 0) return;
    (state.outcome ? done : summary).current?.focus();
  }, [state.submission, state.outcome]);

  const isRefused = state.submission > 0 && !state.outcome;
  const labels = { ...LABELS };
  state.values.phones.forEach((p, i) => {
    labels[phoneId(p.key)] = `Phone number ${i + 1}`;
    labels[`phones.${p.key}.kind`] = `Type of phone number ${i + 1}`;
  });

  return (
    // Rebuilt from the answer's values after each submission: what was typed when the
    // server refused, what is stored after a success.
    <form key={state.submission} action={formAction} className="space-y-6">
      {state.outcome && (
        <div
          ref={done}
          role="status"
          tabIndex={-1}
          className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900"
        >
          {state.outcome === "corrected" ? (
            <p className="font-semibold">
              Your details were corrected.
              {state.hasRecipients ? " Recipients of your data have been told." : ""}
            </p>
          ) : (
            <p className="font-semibold">Nothing was changed: these are the details we already hold.</p>
          )}
          <StoredSummary values={state.values} />
        </div>
      )}
      {isRefused && (
        <ErrorSummary
          ref={summary}
          title="Nothing was changed. Check the following:"
          formError={state.formError}
          labels={labels}
          fieldErrors={state.fieldErrors}
        />
      )}

      <fieldset className="space-y-5">
        <legend className="text-lg font-semibold">About you</legend>
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField
            label="First name"
            name="firstName"
            defaultValue={state.values.firstName}
            autoComplete="given-name"
            maxLength={100}
            required
            error={state.fieldErrors.firstName}
          />
          <FormField
            label="Last name"
            name="lastName"
            defaultValue={state.values.lastName}
            autoComplete="family-name"
            maxLength={100}
            required
            error={state.fieldErrors.lastName}
          />
        </div>
        <FormField
          label="Alias (optional)"
          name="alias"
          defaultValue={state.values.alias}
          autoComplete="nickname"
          maxLength={100}
          hint="A nickname used to greet you instead of your name. Leave it empty to have none."
          error={state.fieldErrors.alias}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField
            label="Date of birth (optional)"
            name="dateOfBirth"
            type="date"
            defaultValue={state.values.dateOfBirth}
            autoComplete="bday"
            max={maxDateOfBirth}
            hint="Leave it empty to remove it."
            error={state.fieldErrors.dateOfBirth}
          />
          <SelectField
            label="Gender (optional)"
            name="gender"
            options={GENDER_OPTIONS}
            defaultValue={state.values.gender}
            error={state.fieldErrors.gender}
          />
        </div>
        <FormField
          label="Hometown (optional)"
          name="hometown"
          defaultValue={state.values.hometown}
          maxLength={100}
          error={state.fieldErrors.hometown}
        />
      </fieldset>

      <PhoneList
        initial={state.values.phones}
        fieldErrors={state.fieldErrors}
        listError={state.fieldErrors.phones}
        phoneCountry={phoneCountry}
      />

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-5">
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-brand px-5 py-2.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Saving…" : "Save corrections"}
        </button>
      </div>
    </form>
  );
}

function PhoneList({
  initial,
  fieldErrors,
  listError,
  phoneCountry,
}: {
  initial: PhoneRow[];
  fieldErrors: Record<string, string>;
  listError?: string;
  phoneCountry: string;
}) {
  const [rows, setRows] = useState(initial);
  const [focus, setFocus] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    if (!focus) return;
    if (focus === "add") addButton.current?.focus();
    else document.getElementById(phoneId(focus))?.focus();
    setFocus(null);
  }, [focus]);

  const add = () => {
    const key = newKey();
    setRows((current) => [...current, { key, kind: "MOBILE", number: "", isPrimary: current.length === 0 }]);
    setFocus(key);
  };
  const remove = (key: string) => {
    setRows((current) => current.filter((r) => r.key !== key));
    setFocus("add");
  };

  return (
    <fieldset className="space-y-4" aria-describedby="phones-hint">
      <legend className="text-lg font-semibold">Phone numbers</legend>
      <p id="phones-hint" className="text-sm text-slate-600">
        A number without a country code is read as a number in {phoneCountry}. The main number is the one the shop calls
        first.
      </p>
      {listError && (
        <p id="phones" tabIndex={-1} className="text-sm text-red-700">
          {listError}
        </p>
      )}
      {rows.length === 0 && <p className="text-sm text-slate-600">No phone numbers are stored.</p>}
      <ul className="space-y-3">
        {rows.map((row, i) => {
          const numberError = fieldErrors[phoneId(row.key)];
          const kindError = fieldErrors[`phones.${row.key}.kind`];
          return (
            <li key={row.key}>
              <fieldset className="rounded-md border border-slate-200 bg-slate-50 p-3">
                <legend className="sr-only">Phone number {i + 1}</legend>
                <div className="grid gap-3 sm:grid-cols-[9rem_1fr] sm:items-start">
                  <SelectField
                    label="Type"
                    name={`phones.${row.key}.kind`}
                    options={PHONE_KIND_OPTIONS}
                    defaultValue={row.kind}
                    error={kindError}
                  />
                  <FormField
                    label="Number"
                    name={phoneId(row.key)}
                    type="tel"
                    inputMode="tel"
                    autoComplete="tel"
                    maxLength={40}
                    defaultValue={row.number}
                    error={numberError}
                  />
                </div>
                <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
                  <label className="inline-flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="primaryPhone"
                      value={row.key}
                      defaultChecked={row.isPrimary}
                      className="size-4 accent-brand"
                    />
                    Main number
                  </label>
                  <button
                    type="button"
                    onClick={() => remove(row.key)}
                    className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800"
                  >
                    Remove<span className="sr-only"> phone number {i + 1}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      {rows.length < MAX_PHONES ? (
        <button
          ref={addButton}
          type="button"
          onClick={add}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800"
        >
          Add a phone number
        </button>
      ) : (
        <p className="text-sm text-slate-600">You can keep at most {MAX_PHONES} phone numbers.</p>
      )}
    </fieldset>
  );
}

// The details as stored, after the server's answer (phones in international format).
function StoredSummary({ values }: { values: ProfileValues }) {
  const rows: [string, string][] = [
    ["Name", `${values.firstName} ${values.lastName}`],
    ["Alias", values.alias || "None"],
    ["Date of birth", values.dateOfBirth || "Not given"],
    ["Gender", genderLabel(values.gender)],
    ["Hometown", values.hometown || "Not given"],
    [
      "Phone numbers",
      values.phones.length
        ? values.phones
            .map((p) => `${p.number} (${phoneKindLabel(p.kind).toLowerCase()}${p.isPrimary ? ", main" : ""})`)
            .join("; ")
        : "None",
    ],
  ];
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[9rem_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium">{term}</dt>
          <dd className="break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
