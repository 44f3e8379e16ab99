"use client";

import Link from "next/link";
import { useActionState, useLayoutEffect, useRef } from "react";
import type { AddressFormState } from "@/app/[shop]/account/privacy/data/addresses/actions";
import type { CountryOption } from "./correction-options";
import { ErrorSummary } from "./error-summary";
import { FormField } from "./form-field";
import { SelectField } from "./select-field";

type Props = {
  action: (state: AddressFormState, form: FormData) => Promise<AddressFormState>;
  initial: AddressFormState;
  countries: CountryOption[];
  submitLabel: string;
  cancelHref: string;
  // When the address was last changed (editing only): tells "saved" from "nothing changed".
  updatedAt?: string;
};

const LABELS: Record<string, string> = {
  label: "Name of this address",
  recipientName: "Recipient",
  line1: "Street and number",
  line2: "Apartment, floor, entrance",
  city: "City or town",
  region: "Region",
  postalCode: "Postal code",
  country: "Country",
  phone: "Phone for the courier",
  isDefaultShipping: "Default for delivery",
  isDefaultBilling: "Default for billing",
};

export function AddressForm({ action, initial, countries, submitLabel, cancelHref, updatedAt }: Props) {
  const [state, formAction, isPending] = useActionState(action, initial);
  const summary = useRef<HTMLDivElement>(null);
  const { values, fieldErrors } = state;
  // A code the list does not know (the server refused it) asks for a choice rather than
  // quietly showing the first country.
  const countryChoices = [
    ...(countries.some((c) => c.code === values.country) ? [] : [{ value: "", label: "Choose a country" }]),
    ...countries.map((c) => ({ value: c.code, label: c.name })),
  ];

  useLayoutEffect(() => {
    if (state.submission > 0) summary.current?.focus();
  }, [state.submission]);

  return (
    // Rebuilt from what was typed after each refusal (a success leaves the page).
    <form key={state.submission} action={formAction} className="space-y-5">
      {state.submission > 0 && (
        <ErrorSummary
          ref={summary}
          title="The address was not saved. Check the following:"
          formError={state.formError}
          labels={LABELS}
          fieldErrors={fieldErrors}
        />
      )}
      {updatedAt && <input type="hidden" name="updatedAt" value={updatedAt} />}
      <FormField
        label={`${LABELS.label} (optional)`}
        name="label"
        defaultValue={values.label}
        maxLength={50}
        hint="For example Home or Office."
        error={fieldErrors.label}
      />
      <FormField
        label={LABELS.recipientName}
        name="recipientName"
        defaultValue={values.recipientName}
        autoComplete="name"
        maxLength={100}
        required
        hint="The person who receives the parcel."
        error={fieldErrors.recipientName}
      />
      <FormField
        label={LABELS.line1}
        name="line1"
        defaultValue={values.line1}
        autoComplete="address-line1"
        maxLength={200}
        required
        error={fieldErrors.line1}
      />
      <FormField
        label={`${LABELS.line2} (optional)`}
        name="line2"
        defaultValue={values.line2}
        autoComplete="address-line2"
        maxLength={200}
        error={fieldErrors.line2}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          label={LABELS.city}
          name="city"
          defaultValue={values.city}
          autoComplete="address-level2"
          maxLength={100}
          required
          error={fieldErrors.city}
        />
        <FormField
          label={`${LABELS.region} (optional)`}
          name="region"
          defaultValue={values.region}
          autoComplete="address-level1"
          maxLength={100}
          error={fieldErrors.region}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          label={LABELS.postalCode}
          name="postalCode"
          defaultValue={values.postalCode}
          autoComplete="postal-code"
          maxLength={20}
          required
          error={fieldErrors.postalCode}
        />
        <SelectField
          label={LABELS.country}
          name="country"
          options={countryChoices}
          defaultValue={values.country}
          autoComplete="country"
          required
          error={fieldErrors.country}
        />
      </div>
      <FormField
        label={`${LABELS.phone} (optional)`}
        name="phone"
        type="tel"
        inputMode="tel"
        defaultValue={values.phone}
        autoComplete="tel"
        maxLength={40}
        hint="Without a country code, it is read as a number in the address's country."
        error={fieldErrors.phone}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Use this address by default</legend>
        <p id="defaults-hint" className="mt-1 text-sm text-slate-500">
          If another address was the default, it stops being it.
        </p>
        <div className="mt-2 space-y-2">
          <Checkbox
            name="isDefaultShipping"
            label={LABELS.isDefaultShipping}
            defaultChecked={values.isDefaultShipping}
            error={fieldErrors.isDefaultShipping}
          />
          <Checkbox
            name="isDefaultBilling"
            label={LABELS.isDefaultBilling}
            defaultChecked={values.isDefaultBilling}
            error={fieldErrors.isDefaultBilling}
          />
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-5">
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-brand px-5 py-2.5 font-semibold text-white disabled:opacity-60"
        >
          {isPending ? "Saving…" : submitLabel}
        </button>
        <Link href={cancelHref} className="text-sm font-medium text-slate-800 underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}

function Checkbox({
  name,
  label,
  defaultChecked,
  error,
}: {
  name: string;
  label: string;
  defaultChecked: boolean;
  error?: string;
}) {
  return (
    <div>
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          id={name}
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : "defaults-hint"}
          className="size-4 accent-brand"
        />
        {label}
      </label>
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
