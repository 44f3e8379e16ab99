import type { ReactNode } from "react";
import { formatDay, formatTime } from "@/components/dates";
import {
  filedByText,
  isOpenStatus,
  listText,
  requestStatusText,
  requestStatusTone,
} from "@/components/request-wording";
import type { RequestsPageQuery } from "@/graphql/generated/client/graphql";
import { addInformationAction, withdrawRequestAction } from "./actions";
import { AddInformationForm, WithdrawRequestForm } from "./request-forms";

export type RightsRequest = NonNullable<
  RequestsPageQuery["viewer"]["customer"]
>["rightsRequests"]["requests"]["edges"][number]["node"];

// The system's own messages may name a day as the API writes it ("2027-01-08"); the
// customer reads "8 Jan 2027". What people wrote is shown as written.
const daysInWords = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDay(iso));

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </>
  );
}

// One request: what it asks, where it stands, by when we must answer, our answer, and
// its timeline. While it is open the customer can add information or withdraw it.
export function RequestCard({
  request,
  shop,
  isReadOnly,
  index,
}: {
  request: RightsRequest;
  shop: string;
  isReadOnly: boolean;
  index: number;
}) {
  const headingId = `request-${index}`;
  const status = requestStatusText(request.status, request.outcome);
  const badge = (
    <p
      className={`max-w-full rounded-md border px-2.5 py-0.5 text-sm font-medium ${requestStatusTone(
        request.status,
        request.outcome,
      )}`}
    >
      {request.selfService ? "Done" : status}
    </p>
  );

  // What the customer did themselves in the account (a download, a correction …):
  // recorded as a request completed at once, shown in one line.
  if (request.selfService) {
    return (
      <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white px-5 py-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={headingId} className="min-w-0 font-semibold break-words">
            {request.label}
          </h3>
          {badge}
        </div>
        <p className="mt-1 text-sm text-slate-600">Done in your account on {formatDay(request.receivedAt)}.</p>
      </article>
    );
  }

  const isOpen = isOpenStatus(request.status);
  const filedBy = filedByText(request.filedBy, request.representativeName);
  const purposes = listText(request.purposes);
  const categories = listText(request.categories);
  // Staff notes are never the customer's; a support agent sees the page as the customer does.
  const events = request.events.filter((e) => !e.internal);

  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="min-w-0 font-semibold break-words">
          {request.label}
        </h3>
        {badge}
      </div>
      {filedBy && <p className="mt-1 text-sm text-slate-700">{filedBy}.</p>}

      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[11rem_1fr]">
        <Row term="Received">{formatDay(request.receivedOn)}</Row>
        {isOpen && (
          <Row term="Due by">
            <span className="font-semibold">{formatDay(request.dueOn)}</span>
            {request.extendedAt && (
              <>
                {" "}
                (extended from {formatDay(request.firstDueOn)}
                {request.extensionReason ? `: ${request.extensionReason}` : ""})
              </>
            )}
            {request.isOverdue && (
              <span className="mt-1 block text-red-800">
                We are late with this request, and we are sorry. You can also complain to the supervisory authority.
              </span>
            )}
          </Row>
        )}
        {!isOpen && request.extendedAt && (
          <Row term="Due date extended">
            From {formatDay(request.firstDueOn)} to {formatDay(request.dueOn)}
            {request.extensionReason ? `: ${request.extensionReason}` : ""}
          </Row>
        )}
        {purposes && <Row term="You object to">{purposes}</Row>}
        {categories && <Row term="Data it concerns">{categories}</Row>}
        {request.details && (
          <Row term="What you told us">
            <span className="whitespace-pre-line">{request.details}</span>
          </Row>
        )}
        {request.decidedAt && <Row term="Decided on">{formatDay(request.decidedAt)}</Row>}
        {request.decisionReason && (
          <Row term="Our answer">
            <span className="whitespace-pre-line">{request.decisionReason}</span>
          </Row>
        )}
        {request.withdrawnAt && <Row term="Withdrawn on">{formatDay(request.withdrawnAt)}</Row>}
      </dl>

      {events.length > 0 && (
        <div className="mt-4">
          <h4 className="text-sm font-semibold text-slate-900">Timeline</h4>
          <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
            {events.map((event, i) => (
              // Events have no id of their own; their order never changes.
              // biome-ignore lint/suspicious/noArrayIndexKey: append-only, oldest first
              <li key={i}>
                <p className="font-medium text-slate-900">{event.summary}</p>
                <p className="text-xs text-slate-600">
                  <time dateTime={event.at}>{formatTime(event.at)}</time>
                </p>
                {event.message && (
                  <p className="mt-0.5 break-words whitespace-pre-line text-slate-700">
                    {event.actorType === "SYSTEM" ? daysInWords(event.message) : event.message}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}

      {request.canChange && !isReadOnly && (
        <div className="mt-5 space-y-4 border-t border-slate-200 pt-4">
          <AddInformationForm
            action={addInformationAction.bind(null, shop, request.id)}
            idPrefix={`request-${index}`}
          />
          <WithdrawRequestForm action={withdrawRequestAction.bind(null, shop, request.id)} />
        </div>
      )}
    </article>
  );
}
