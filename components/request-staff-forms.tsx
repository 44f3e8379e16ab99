"use client";

import { type ReactNode, useActionState, useEffect, useId, useLayoutEffect, useRef } from "react";
import type { RequestStaffFormState } from "@/app/[shop]/support/(console)/requests/actions";

// The request page's forms for staff: a note (anyone), and for the privacy officer:
// assign, check a representative's authority, extend, decide and lift a restriction.
// A refusal is shown above the form and next to its fields, with what was typed kept;
// a change that worked goes back to the page, which says so (DoneNotice).

type Action = (state: RequestStaffFormState, form: FormData) => Promise<RequestStaffFormState>;

const INITIAL: RequestStaffFormState = { submission: 0, fieldErrors: {}, formError: null, values: {} };

const BUTTON =
  "rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2";
const SECONDARY =
  "rounded-md border border-slate-400 bg-white px-4 py-2.5 font-semibold text-slate-900 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2";
const TEXTAREA =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm aria-invalid:border-red-600";

const TEXT_MAX = 4000;

function useStaffForm(action: Action) {
  const [state, formAction, isPending] = useActionState(action, INITIAL);
  const answer = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (state.submission > 0) answer.current?.focus();
  }, [state.submission]);
  const value = (name: string) => {
    const v = state.values[name];
    return typeof v === "string" ? v : "";
  };
  const values = (name: string) => {
    const v = state.values[name];
    return Array.isArray(v) ? v : null;
  };
  return { state, formAction, isPending, answer, value, values };
}

// What the server refused: the whole form's reason and each field's, linked to it.
function Refusal({
  state,
  title,
  labels,
  ids,
  ref,
}: {
  state: RequestStaffFormState;
  title: string;
  labels: Record<string, string>;
  ids: Record<string, string>;
  ref: React.Ref<HTMLDivElement>;
}) {
  const titleId = useId();
  if (state.submission === 0) return null;
  const fields = Object.entries(state.fieldErrors);
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900"
    >
      <p id={titleId} className="font-semibold">
        {title}
      </p>
      {state.formError && <p className="mt-1">{state.formError}</p>}
      {fields.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {fields.map(([field, message]) => (
            <li key={field}>
              <a href={`#${ids[field] ?? field}`} className="text-red-900 underline">
                {labels[field] ? `${labels[field]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function TextArea({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
  rows = 3,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue: string;
  rows?: number;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        required
        rows={rows}
        maxLength={TEXT_MAX}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className={TEXTAREA}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function Choices({
  id,
  legend,
  error,
  hint,
  children,
}: {
  id: string;
  legend: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy || undefined}
      className="outline-none"
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      <div className="mt-2 space-y-2">{children}</div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function Choice({
  type,
  name,
  value,
  label,
  defaultChecked,
  isRequired,
}: {
  type: "radio" | "checkbox";
  name: string;
  value: string;
  label: string;
  defaultChecked: boolean;
  isRequired?: boolean;
}) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input
        type={type}
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        required={isRequired}
        className="mt-0.5 h-4 w-4 shrink-0"
      />
      <span>{label}</span>
    </label>
  );
}

// The success message of the change just made, focused so it is read out.
export function DoneNotice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role="status"
      className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-sm text-green-900"
    >
      {children}
    </p>
  );
}

export function RequestNoteForm({ action }: { action: Action }) {
  const { state, formAction, isPending, answer, value } = useStaffForm(action);
  return (
    <form key={state.submission} action={formAction} className="space-y-4">
      <Refusal
        ref={answer}
        state={state}
        title="The note was not added"
        labels={{ note: "Note" }}
        ids={{ note: "request-note" }}
      />
      <TextArea
        id="request-note"
        name="note"
        label="Note"
        hint="Not shown on the customer's requests page. Like everything we hold about them, notes are in a copy of their data if they ask for one."
        error={state.fieldErrors.note}
        defaultValue={value("note")}
      />
      <button type="submit" disabled={isPending} className={BUTTON}>
        {isPending ? "Adding…" : "Add the note"}
      </button>
    </form>
  );
}

export function RequestAssignForm({
  action,
  viewerAgentId,
  assignedToId,
}: {
  action: Action;
  viewerAgentId: string;
  assignedToId: string | null;
}) {
  const { state, formAction, isPending, answer } = useStaffForm(action);
  return (
    <form key={state.submission} action={formAction} className="space-y-4">
      <Refusal ref={answer} state={state} title="The request was not assigned" labels={{}} ids={{}} />
      <div className="flex flex-wrap gap-3">
        {assignedToId !== viewerAgentId && (
          <button type="submit" name="agentId" value={viewerAgentId} disabled={isPending} className={BUTTON}>
            Assign to me
          </button>
        )}
        {assignedToId && (
          <button type="submit" name="agentId" value="" disabled={isPending} className={SECONDARY}>
            Unassign
          </button>
        )}
      </div>
    </form>
  );
}

export function RequestVerifyForm({ action, representativeName }: { action: Action; representativeName: string }) {
  const { state, formAction, isPending, answer, value } = useStaffForm(action);
  const chosen = value("isAccepted");
  return (
    <form key={state.submission} action={formAction} className="space-y-4">
      <Refusal
        ref={answer}
        state={state}
        title="The check was not saved"
        labels={{ isAccepted: "Does the proof hold?", reason: "What you checked" }}
        ids={{ isAccepted: "verify-choice", reason: "verify-reason" }}
      />
      <Choices id="verify-choice" legend="Does the proof hold?" error={state.fieldErrors.isAccepted}>
        <Choice
          type="radio"
          name="isAccepted"
          value="yes"
          label={`Yes: ${representativeName} may act for the customer. Open the request.`}
          defaultChecked={chosen === "yes"}
          isRequired
        />
        <Choice
          type="radio"
          name="isAccepted"
          value="no"
          label="No: the authority is not confirmed. Refuse the request; nothing is done."
          defaultChecked={chosen === "no"}
          isRequired
        />
      </Choices>
      <TextArea
        id="verify-reason"
        name="reason"
        label="What you checked (the customer is told)"
        hint="At least 10 characters. It is recorded on the request and, when you refuse, emailed to the customer."
        error={state.fieldErrors.reason}
        defaultValue={value("reason")}
      />
      <button type="submit" disabled={isPending} className={BUTTON}>
        {isPending ? "Saving…" : "Save the check"}
      </button>
    </form>
  );
}

export function RequestExtendForm({ action }: { action: Action }) {
  const { state, formAction, isPending, answer, value } = useStaffForm(action);
  return (
    <form key={state.submission} action={formAction} className="space-y-4">
      <Refusal
        ref={answer}
        state={state}
        title="The due date was not extended"
        labels={{ reason: "Why you need more time" }}
        ids={{ reason: "extend-reason" }}
      />
      <TextArea
        id="extend-reason"
        name="reason"
        label="Why you need more time (sent to the customer)"
        hint="At least 10 characters. The customer is emailed the reason and the new due date at once."
        error={state.fieldErrors.reason}
        defaultValue={value("reason")}
      />
      <button type="submit" disabled={isPending} className={BUTTON}>
        {isPending ? "Extending…" : "Extend the due date"}
      </button>
    </form>
  );
}

export function RequestDecideForm({
  action,
  purposes,
  effect,
}: {
  action: Action;
  // An objection's purposes, to say which are granted; null for other types.
  purposes: { key: string; label: string }[] | null;
  effect: string | null;
}) {
  const { state, formAction, isPending, answer, value, values } = useStaffForm(action);
  const outcome = value("outcome");
  const granted = values("grantedPurposes");
  return (
    <form key={state.submission} action={formAction} className="space-y-4">
      <Refusal
        ref={answer}
        state={state}
        title="The decision was not sent"
        labels={{ outcome: "Decision", grantedPurposes: "Purposes granted", reason: "Reason" }}
        ids={{ outcome: "decide-outcome", grantedPurposes: "decide-purposes", reason: "decide-reason" }}
      />
      <Choices id="decide-outcome" legend="Decision" error={state.fieldErrors.outcome}>
        <Choice
          type="radio"
          name="outcome"
          value="GRANTED"
          label="Granted"
          defaultChecked={outcome === "GRANTED"}
          isRequired
        />
        <Choice
          type="radio"
          name="outcome"
          value="PARTLY_GRANTED"
          label="Partly granted"
          defaultChecked={outcome === "PARTLY_GRANTED"}
          isRequired
        />
        <Choice
          type="radio"
          name="outcome"
          value="REFUSED"
          label="Refused"
          defaultChecked={outcome === "REFUSED"}
          isRequired
        />
      </Choices>
      {purposes && (
        <>
          <input type="hidden" name="asksForPurposes" value="1" />
          <Choices
            id="decide-purposes"
            legend="Purposes granted"
            hint="Partly granted: tick only the purposes the customer's data is no longer used for. Not used when refused."
            error={state.fieldErrors.grantedPurposes}
          >
            {purposes.map((p) => (
              <Choice
                key={p.key}
                type="checkbox"
                name="grantedPurposes"
                value={p.key}
                label={p.label}
                defaultChecked={granted ? granted.includes(p.key) : true}
              />
            ))}
          </Choices>
        </>
      )}
      <TextArea
        id="decide-reason"
        name="reason"
        label="Reason (sent to the customer)"
        hint="At least 10 characters. The email also tells the customer how to complain to the supervisory authority."
        error={state.fieldErrors.reason}
        defaultValue={value("reason")}
        rows={4}
      />
      {effect && <p className="text-sm text-slate-700">{effect}</p>}
      <button type="submit" disabled={isPending} className={BUTTON}>
        {isPending ? "Sending…" : "Send the decision"}
      </button>
    </form>
  );
}

export function RequestLiftForm({ action }: { action: Action }) {
  const { state, formAction, isPending, answer, value } = useStaffForm(action);
  return (
    <form key={state.submission} action={formAction} className="space-y-4">
      <Refusal
        ref={answer}
        state={state}
        title="The restriction was not lifted"
        labels={{ reason: "Why the restriction ends" }}
        ids={{ reason: "lift-reason" }}
      />
      <TextArea
        id="lift-reason"
        name="reason"
        label="Why the restriction ends (sent to the customer)"
        hint="At least 10 characters. The customer is emailed the reason as the restriction is lifted (GDPR Art. 18(3))."
        error={state.fieldErrors.reason}
        defaultValue={value("reason")}
      />
      <button type="submit" disabled={isPending} className={BUTTON}>
        {isPending ? "Lifting…" : "Lift the restriction"}
      </button>
    </form>
  );
}
