"use client";

import { useEffect, useId, useRef, useState } from "react";

type Props = {
  link: string;
  label: string;
  // Extra words under the field (why it is safe to send, what it does).
  hint?: string;
};

// A share link in a read-only field with a "Copy link" button. The clipboard needs the
// browser's permission; where it is refused the field's text is selected instead, so
// the link can still be copied by hand.
export function InvitationCopyLink({ link, label, hint }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function copy() {
    let message = "Copied";
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      input.current?.focus();
      input.current?.select();
      message = "Your browser did not let us copy it: the link is selected, copy it from there.";
    }
    setSaid(message);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setSaid(""), 5000);
  }

  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1 flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={link}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
        />
        <button
          type="button"
          onClick={copy}
          className="shrink-0 rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100"
        >
          Copy link
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      <p role="status" className="mt-1 text-sm font-medium text-emerald-800">
        {said}
      </p>
    </div>
  );
}
