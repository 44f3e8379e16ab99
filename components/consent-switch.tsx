"use client";

import { type ReactNode, useState } from "react";
import { type ConsentItem, controlId, isOn } from "./consent-options";
import { formatTime } from "./dates";
import { consentSourceText, consentStateText } from "./policy-wording";

type Props = {
  consent: ConsentItem;
  // Ticked when drawn (what was stored, or what was chosen when the server refused).
  isChecked: boolean;
  // Global Privacy Control holds it off.
  isLocked: boolean;
  error?: string;
  // What it means, under the label.
  children?: ReactNode;
};

// Where a purpose stands, in words: "Consent given in your account, 3 May 2025, 14:02 UTC".
export function consentStatusText(consent: ConsentItem): string {
  if (consent.isOverriddenByGlobalPrivacyControl) {
    return "Off while your browser sends the Global Privacy Control signal.";
  }
  if (consent.purpose.isRequired) return "Always on.";
  if (!consent.source || !consent.updatedAt) return "You have not chosen yet, so it is off.";
  return `${consentStateText(consent.recordedState)} ${consentSourceText(consent.source)}, ${formatTime(consent.updatedAt)}.`;
}

// One optional purpose as an on/off switch (a checkbox with role="switch"), with its
// label, what it means and where it stands. A locked switch is shown but not sent.
export function ConsentSwitch({ consent, isChecked, isLocked, error, children }: Props) {
  const { purpose } = consent;
  const [isOnNow, setIsOnNow] = useState(isChecked);
  const id = controlId(purpose.key);
  const describedBy = [`${id}-hint`, `${id}-status`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex items-start justify-between gap-4 py-4">
      <div className="min-w-0">
        <label htmlFor={id} className="font-medium">
          {purpose.label}
        </label>
        <div id={`${id}-hint`} className="mt-1 space-y-1 text-sm text-slate-600">
          {children}
        </div>
        <p id={`${id}-status`} className="mt-2 text-sm text-slate-700">
          {consentStatusText(consent)}
        </p>
        {error && (
          <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-2 pt-0.5">
        {!isLocked && <input type="hidden" name="offered" value={purpose.key} />}
        {!isLocked && isOn(consent.recordedState) && <input type="hidden" name="was" value={purpose.key} />}
        <input
          id={id}
          type="checkbox"
          role="switch"
          name="purpose"
          value={purpose.key}
          checked={isOnNow}
          onChange={(event) => setIsOnNow(event.currentTarget.checked)}
          aria-checked={isOnNow}
          disabled={isLocked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="switch peer"
        />
        <span aria-hidden="true" className="w-7 text-sm font-medium text-slate-700 peer-checked:hidden">
          Off
        </span>
        <span aria-hidden="true" className="hidden w-7 text-sm font-medium text-slate-900 peer-checked:inline">
          On
        </span>
      </div>
    </div>
  );
}
