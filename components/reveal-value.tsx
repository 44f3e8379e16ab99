"use client";

import { useState, useTransition } from "react";

export type RevealAction = (recordId: string, field: string) => Promise<{ value: string | null; error: string | null }>;

// A masked value with a button that shows it in full; the reveal is recorded server-side.
export function RevealValue(props: {
  masked: string;
  label: string;
  recordId: string;
  field: string;
  reveal: RevealAction;
}) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  if (value !== null) return <span className="wrap-anywhere">{value}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono tracking-wider">
        {props.masked}
        <span className="sr-only"> (hidden)</span>
      </span>
      <button
        type="button"
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await props.reveal(props.recordId, props.field);
            if (result.error) setError(result.error);
            else setValue(result.value ?? "—");
          })
        }
        className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100"
        aria-label={`Reveal ${props.label}`}
      >
        {isPending ? "Revealing…" : "Reveal"}
      </button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
