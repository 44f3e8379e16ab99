"use client";

import type { Ref } from "react";

type Props = {
  title: string;
  formError: string | null;
  // Field id → label shown in the list.
  labels: Record<string, string>;
  fieldErrors: Record<string, string>;
  ref?: Ref<HTMLDivElement>;
};

// What the server refused, at the top of the form, each item leading to its field. It
// takes the focus after a refusal, so it is read out and seen on a small screen.
export function ErrorSummary({ title, formError, labels, fieldErrors, ref }: Props) {
  const fields = Object.entries(fieldErrors);
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900"
    >
      <h2 id="error-summary-title" className="font-semibold">
        {title}
      </h2>
      {formError && <p className="mt-1">{formError}</p>}
      {fields.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {fields.map(([id, message]) => (
            <li key={id}>
              <a
                href={`#${id}`}
                className="text-red-900 underline"
                onClick={(event) => {
                  const target = document.getElementById(id);
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: "center" });
                }}
              >
                {labels[id] ? `${labels[id]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
