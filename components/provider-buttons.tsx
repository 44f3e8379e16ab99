"use client";

import { signIn } from "next-auth/react";
import { useEffect, useRef, useState } from "react";

export type ProviderOption = {
  // next-auth's id for this shop's app at the provider, e.g. "almaz-facebook".
  providerId: string;
  name: string;
  // FACEBOOK, TWITTER, MICROSOFT, GOOGLE (or lower case).
  provider: string;
};

type Props = {
  providers: readonly ProviderOption[];
  // Where the browser goes once the provider's answer is accepted (a path of this shop).
  callbackUrl: string;
  // "Continue with", "Sign up with", "Link", "Confirm with".
  labelPrefix?: string;
  // After the name: "again" makes "Link Facebook again".
  labelSuffix?: string;
  // Runs before the browser leaves for the provider, with the values of the ticked
  // checkboxes named `carryChecked` anywhere on the page (the sign-up page's marketing
  // choices); the browser stays here if it fails.
  beforeSignIn?: (checked: string[]) => Promise<void>;
  carryChecked?: string;
  // Accessible name of the list, when the page has more than one.
  listLabel?: string;
};

// A small badge with the provider's initial in its usual colour: no logos are loaded
// from anywhere, and the name beside it says what it is.
const BADGES: Record<string, { initial: string; colour: string }> = {
  facebook: { initial: "f", colour: "bg-blue-700" },
  twitter: { initial: "X", colour: "bg-black" },
  microsoft: { initial: "M", colour: "bg-sky-800" },
  google: { initial: "G", colour: "bg-red-700" },
};

// One button per provider; choosing one leaves for the provider's page (next-auth posts
// to /api/auth/signin/<providerId> with its CSRF token). What it means (sign in, open an
// account, link, confirm it's you) the server decides from the browser's session.
export function ProviderButtons({
  providers,
  callbackUrl,
  labelPrefix = "Continue with",
  labelSuffix,
  beforeSignIn,
  carryChecked,
  listLabel,
}: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alert = useRef<HTMLParagraphElement>(null);

  // Back from the provider with the browser's Back button, the page may come from the
  // back/forward cache still saying "Opening …": make the buttons usable again.
  useEffect(() => {
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) setPending(null);
    };
    window.addEventListener("pageshow", onShow);
    return () => window.removeEventListener("pageshow", onShow);
  }, []);

  useEffect(() => {
    if (error) alert.current?.focus();
  }, [error]);

  if (providers.length === 0) return null;

  async function choose(option: ProviderOption) {
    setPending(option.providerId);
    setError(null);
    try {
      if (beforeSignIn) {
        const checked = carryChecked
          ? Array.from(document.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked"))
              .filter((input) => input.name === carryChecked)
              .map((input) => input.value)
          : [];
        await beforeSignIn(checked);
      }
      // Resolves only if the browser did not leave (next-auth then sets the location).
      await signIn(option.providerId, { callbackUrl });
    } catch {
      setPending(null);
      setError(`${option.name} could not be opened. Check your connection and try again.`);
    }
  }

  return (
    <div>
      {error && (
        <p
          ref={alert}
          role="alert"
          tabIndex={-1}
          className="mb-3 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          {error}
        </p>
      )}
      <ul className="space-y-3" aria-label={listLabel}>
        {providers.map((option) => {
          const badge = BADGES[option.provider.toLowerCase()] ?? {
            initial: option.name.charAt(0),
            colour: "bg-slate-700",
          };
          const isPending = pending === option.providerId;
          return (
            <li key={option.providerId}>
              <button
                type="button"
                onClick={() => void choose(option)}
                disabled={pending !== null}
                aria-busy={isPending || undefined}
                className="flex w-full items-center gap-3 rounded-md border border-slate-300 bg-white px-4 py-2.5 text-left font-semibold text-slate-900 shadow-sm hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-60"
              >
                <span
                  aria-hidden="true"
                  className={`flex size-6 shrink-0 items-center justify-center rounded-full text-sm font-bold text-white ${badge.colour}`}
                >
                  {badge.initial}
                </span>
                <span className="min-w-0 break-words">
                  {isPending
                    ? `Opening ${option.name}…`
                    : [labelPrefix, option.name, labelSuffix].filter(Boolean).join(" ")}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
