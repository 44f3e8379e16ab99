"use client";

import { type ReactNode, useId, useLayoutEffect, useRef, useState } from "react";

type Props = {
  keyName: string;
  secret: string;
  // "created" or "rotated": which sentence introduces it.
  kind: "created" | "rotated";
  onDone: () => void;
  // How it is kept and what to do if it is lost, and how it is used: an API key's words
  // unless given (the webhooks page shows a signing secret with this box too).
  whenLost?: string;
  usage?: ReactNode;
};

const API_KEY_WHEN_LOST =
  "Only a fingerprint of it is kept, so nobody can look it up later. If it is lost, rotate the key.";

// A key's secret as the API returned it, this once: with a copy button and the warning
// that it will not be shown again. It takes the focus when it appears, so it is read out
// and seen on a small screen.
export function SecretOnce({ keyName, secret, kind, onDone, whenLost = API_KEY_WHEN_LOST, usage }: Props) {
  const box = useRef<HTMLElement>(null);
  const code = useRef<HTMLElement>(null);
  const titleId = useId();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  useLayoutEffect(() => {
    box.current?.focus();
  }, []);

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for Ctrl+C.
      const range = document.createRange();
      if (code.current) range.selectNodeContents(code.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopy("failed");
    }
  }

  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="rounded-md border-2 border-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-950 outline-none focus-visible:outline-2 focus-visible:outline-offset-2"
    >
      <h3 id={titleId} className="font-semibold wrap-anywhere">
        {kind === "created" ? "New secret for" : "New secret after rotating"} “{keyName}”
      </h3>
      <p className="mt-1 font-medium">Copy it now: it will not be shown again. {whenLost}</p>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-center">
        <code
          ref={code}
          data-secret=""
          className="min-w-0 rounded border border-amber-300 bg-white px-3 py-2 font-mono text-sm text-slate-900 break-all select-all sm:flex-1"
        >
          {secret}
        </code>
        <button
          type="button"
          onClick={copySecret}
          className="self-start rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 sm:self-auto focus-visible:outline-2 focus-visible:outline-offset-2"
        >
          Copy secret
        </button>
      </div>
      <p aria-live="polite" className="mt-2 min-h-5">
        {copy === "copied"
          ? "Copied to the clipboard."
          : copy === "failed"
            ? "The browser did not allow copying: the secret is selected, press Ctrl+C (or ⌘C)."
            : ""}
      </p>
      <p className="mt-1">
        {usage ?? (
          <>
            Give it to the partner over a safe channel. They send it as{" "}
            <code className="font-mono">Authorization: Bearer …</code> to{" "}
            <code className="font-mono">/api/graphql</code>.
          </>
        )}
      </p>
      <button
        type="button"
        onClick={onDone}
        className="mt-3 rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-50"
      >
        I have stored it: hide the secret
      </button>
    </section>
  );
}
