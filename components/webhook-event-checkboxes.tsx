import type { WebhookEventTypeChoice } from "./webhook-endpoint-create-form";

type Props = {
  // Unique on the page: several endpoints' edit forms show the same boxes.
  idPrefix: string;
  eventTypes: WebhookEventTypeChoice[];
  checked: readonly string[];
  error?: string;
};

// The event types an endpoint can subscribe to, each with what it means and the scope a
// partner key needs for it. Named "events", as the API's input.
export function WebhookEventCheckboxes({ idPrefix, eventTypes, checked, error }: Props) {
  return (
    <fieldset
      id={idPrefix}
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${idPrefix}-error ${idPrefix}-hint` : `${idPrefix}-hint`}
      className="min-w-0 outline-none"
    >
      <legend className="text-sm font-medium text-slate-800">Events</legend>
      <p id={`${idPrefix}-hint`} className="mt-1 text-sm text-slate-500">
        Choose only what the receiver needs.
      </p>
      <ul className="mt-2 space-y-2">
        {eventTypes.map((event) => {
          const id = `${idPrefix}-${event.type.replace(/[^a-z0-9]+/gi, "-")}`;
          return (
            <li key={event.type} className="flex items-start gap-3">
              <input
                id={id}
                type="checkbox"
                name="events"
                value={event.type}
                defaultChecked={checked.includes(event.type)}
                aria-describedby={`${id}-description`}
                className="mt-1 h-4 w-4 shrink-0"
              />
              <span className="min-w-0">
                <label htmlFor={id} className="font-mono text-sm font-medium text-slate-900 wrap-anywhere">
                  {event.type}
                </label>
                <span id={`${id}-description`} className="block text-sm text-slate-600">
                  {event.description} <span className="text-slate-500">A key needs {event.requiredScope}.</span>
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      {error && (
        <p id={`${idPrefix}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
