"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { FormField } from "./form-field";

const MESSAGES: Record<string, string> = {
  RATE_LIMITED: "Too many attempts. For your security, wait 15 minutes before trying again.",
  default: "The email or password is not right. Check them and try again.",
};

type Props = {
  shop: string;
  shopName: string;
  next: string;
  notice?: string;
  // next-auth's provider: customers ("credentials") or the shop's support staff ("agent").
  provider?: "credentials" | "agent";
};

export function SignInForm({ shop, shopName, next, notice, provider = "credentials" }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn(provider, {
      redirect: false,
      shop,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (result?.ok && !result.error) {
      router.replace(next);
      router.refresh();
      return;
    }
    setPending(false);
    setError(MESSAGES[result?.error ?? ""] ?? MESSAGES.default);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate={false}>
      {notice && (
        <p
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <FormField label="Email" name="email" type="email" autoComplete="email" required />
      <FormField label="Password" name="password" type="password" autoComplete="current-password" required />
      <button
        type="submit"
        disabled={isPending}
        className="w-full rounded-md bg-brand px-4 py-2.5 font-semibold text-white disabled:opacity-60"
      >
        {isPending ? "Signing in…" : provider === "agent" ? "Sign in to the support console" : `Sign in to ${shopName}`}
      </button>
      {provider === "credentials" && (
        <p className="text-center text-sm text-slate-600">
          New here?{" "}
          <Link href={`/${shop}/sign-up`} className="font-medium text-slate-900 underline">
            Create an account
          </Link>
        </p>
      )}
    </form>
  );
}
