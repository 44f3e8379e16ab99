"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import type { SignUpState } from "@/app/[shop]/sign-up/actions";
import { FormField } from "./form-field";

type Props = {
  shop: string;
  action: (state: SignUpState, form: FormData) => Promise<SignUpState>;
};

const initial: SignUpState = {
  fieldErrors: {},
  formError: null,
  isDone: false,
  values: { firstName: "", lastName: "", email: "" },
};

export function SignUpForm({ shop, action }: Props) {
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
