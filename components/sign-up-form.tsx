"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import type { SignUpState } from "@/app/[shop]/sign-up/actions";
import { FormField } from "./form-field";

type Props = {
  shop: string;
  shopName: string;
  action: (state: SignUpState, form: FormData) => Promise<SignUpState>;
  // The shop's marketing channels and topics: optional boxes, one per channel.
  channels: { key: string; label: string }[];
  topics: string[];
  requiresDoubleOptIn: boolean;
  // The token of the invitation link the page was opened with; null without one.
  invitationToken?: string | null;
};

const initial: SignUpState = {
  fieldErrors: {},
  formError: null,
  isDone: false,
  values: { firstName: "", lastName: "", email: "", marketing: [] },
};

export function SignUpForm({ shop, shopName, action, channels, topics, requiresDoubleOptIn, invitationToken }: Props) {
  const router = useRouter();
  // React resets the form after the action, so the credentials are kept from submit.
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const [state, formAction, isPending] = useActionState(action, initial);

  // Once the account exists, sign in with what was just typed.
  useEffect(() => {
    if (!state.isDone || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { redirect: false, shop, email, password }).then((result) => {
      router.replace(result?.ok ? `/${shop}/account/privacy` : `/${shop}/sign-in?created=1`);
      router.refresh();
    });
  }, [state.isDone, shop, router]);

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
      }}
      className="space-y-5"
    >
      {invitationToken && <input type="hidden" name="invitationToken" value={invitationToken} />}
      {state.formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {state.formError}
        </p>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          label="First name"
          name="firstName"
          defaultValue={state.values.firstName}
          autoComplete="given-name"
          required
          error={state.fieldErrors.firstName}
        />
        <FormField
          label="Last name"
          name="lastName"
          defaultValue={state.values.lastName}
          autoComplete="family-name"
          required
          error={state.fieldErrors.lastName}
        />
      </div>
      <FormField
        label="Email"
        name="email"
        type="email"
        defaultValue={state.values.email}
        autoComplete="email"
        required
        error={state.fieldErrors.email}
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        required
        hint="At least 10 characters."
        error={state.fieldErrors.password}
      />
      {channels.length > 0 && (
        <fieldset
          aria-describedby={`marketing-hint${state.fieldErrors.consents ? " consents-error" : ""}`}
          className="rounded-md border border-slate-200 p-4"
        >
          <legend className="px-1 text-sm font-medium text-slate-800">News from {shopName} (optional)</legend>
          <p id="marketing-hint" className="text-sm text-slate-600">
            Topics: {topics.join(", ")}. Nothing is ticked for you, and you can change this at any time in your account.
            {requiresDoubleOptIn && channels.some((c) => c.key === "email")
              ? " For email we first send you a link to confirm."
              : ""}
          </p>
          <div className="mt-2 space-y-1">
            {channels.map((channel) => (
              <label key={channel.key} className="flex cursor-pointer items-center gap-2 py-1 text-sm">
                <input
                  type="checkbox"
                  name="marketing"
                  value={channel.key}
                  defaultChecked={state.values.marketing.includes(channel.key)}
                  className="size-4 shrink-0 accent-brand"
                />
                <span>Send me news by {channel.label}</span>
              </label>
            ))}
          </div>
          {state.fieldErrors.consents && (
            <p id="consents-error" className="mt-1 text-sm text-red-700">
              {state.fieldErrors.consents}
            </p>
          )}
        </fieldset>
      )}
      <button
        type="submit"
        disabled={isPending || state.isDone}
        className="w-full rounded-md bg-brand px-4 py-2.5 font-semibold text-white disabled:opacity-60"
      >
        {isPending || state.isDone ? "Creating your account…" : "Create account"}
      </button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/${shop}/sign-in`} className="font-medium text-slate-900 underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
