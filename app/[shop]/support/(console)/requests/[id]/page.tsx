import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { formatDay, formatTime } from "@/components/dates";
import {
  DoneNotice,
  RequestAssignForm,
  RequestDecideForm,
  RequestExtendForm,
  RequestLiftForm,
  RequestNoteForm,
  RequestVerifyForm,
} from "@/components/request-staff-forms";
import { DueBadge, FilerMarker } from "@/components/request-staff-parts";
import { ACTOR_WORDS, FILER_WORDS, OUTCOME_WORDS, statusWords } from "@/components/request-staff-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import {
  addRequestNoteAction,
  assignRequestAction,
  decideRequestAction,
  extendRequestAction,
  liftRestrictionAction,
  type RequestStaffDone,
  verifyRequestAction,
} from "../actions";

export const metadata: Metadata = { title: "Request · Support console" };

const RequestStaffDetailQuery = graphql(`
  query RequestStaffDetail($id: ID!, $handle: String!) {
    rightsRequest(id: $id) {
      id
      type
      label
      status
      outcome
      purposes { key label }
      categories { key label }
      details
      filedBy
      representativeName
      representativeProof
      selfService
      receivedAt
      receivedOn
      firstDueOn
      dueOn
      isOverdue
      extendableTo
      extendedAt
      extensionReason
      decidedAt
      decisionReason
      withdrawnAt
      assignedTo { id displayName }
      customer { id displayName email isRestricted }
      events { kind summary actorType message internal at }
    }
    viewer { agent { id role } }
    shop(handle: $handle) { policy { requests { dueDatesIfAskedNow { receivedOn } } } }
  }
`);

type Props = {
  params: Promise<{ shop: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const DONE_WORDS: Record<RequestStaffDone, string> = {
  note: "Note added. It is not shown on the customer's requests page.",
  assigned: "Assigned to you.",
  unassigned: "Unassigned: nobody has this request now.",
  verified: "The representative's authority is confirmed: the request is open and the customer was emailed.",
  refused: "Refused: the representative's authority was not confirmed. The customer was emailed.",
  extended: "Due date extended. The customer was emailed the reason and the new date.",
  decided: "Decision sent. The customer was emailed the reason and how to complain.",
  lifted: "Restriction lifted. The customer was emailed the reason.",
};

const EFFECT_OF_GRANTING: Record<string, string> = {
  RESTRICTION:
    "Granting takes effect at once: the customer's data is kept but no longer used (no marketing, no profiling, nothing shared with partners), and the recipients of the data are told.",
  OBJECTION: "Granting takes effect at once: the customer's data is no longer used for the purposes ticked.",
};

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="mt-2 font-medium text-slate-700 first:mt-0 sm:mt-0">{term}</dt>
      <dd className="min-w-0 wrap-anywhere">{children}</dd>
    </>
  );
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3 space-y-3">{children}</div>
    </section>
  );
}

const Words = ({ children }: { children: ReactNode }) => (
  <span className="block whitespace-pre-wrap wrap-anywhere">{children}</span>
);

// One request for staff: everything about it and its whole timeline, internal notes
// included; a note from anyone; and for the privacy officer the steps the request's
// state allows: assign, check a representative's authority, extend, decide, lift.
export default async function RequestStaffPage({ params, searchParams }: Props) {
  const { shop, id: rawId } = await params;
  const query = await searchParams;
  const id = decodeURIComponent(rawId);
  const data = await execute(RequestStaffDetailQuery, { id, handle: shop });
  const request = data.rightsRequest;
  if (!request) notFound();
  const agent = data.viewer.agent;
  const isOfficer = agent?.role === "PRIVACY_OFFICER";
  const today = data.shop?.policy.requests.dueDatesIfAskedNow.receivedOn ?? new Date().toISOString().slice(0, 10);
  const done = typeof query.done === "string" ? DONE_WORDS[query.done as RequestStaffDone] : undefined;
  const customer = request.customer;
  const canLift =
    request.type === "RESTRICTION" &&
    request.status === "CLOSED" &&
    (request.outcome === "GRANTED" || request.outcome === "PARTLY_GRANTED") &&
    Boolean(customer?.isRestricted);

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/${shop}/support/requests`} className="underline">
          ← Requests
        </Link>
      </p>
      <div className="space-y-2">
        <h1 className="text-2xl font-bold wrap-anywhere">
          {request.label}
          {customer ? `: ${customer.displayName}` : ""}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">{statusWords(request)}</span>
          <DueBadge request={request} today={today} />
          <FilerMarker filedBy={request.filedBy} representativeName={request.representativeName} />
        </p>
      </div>
      {done && <DoneNotice>{done}</DoneNotice>}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-start">
        <div className="min-w-0 space-y-6">
          <Panel id="request-title" title="The request">
            <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[11rem_minmax(0,1fr)]">
              {customer && (
                <Row term="Customer">
                  <span className="block">{customer.displayName}</span>
                  <span className="block text-slate-600">{customer.email}</span>
                  {customer.isRestricted && (
                    <span className="mt-1 block font-medium text-amber-900">
                      The use of their data is restricted now.
                    </span>
                  )}
                  <Link href={`/${shop}/support/customers/${encodeURIComponent(customer.id)}`} className="underline">
                    Open the customer
                  </Link>
                </Row>
              )}
              <Row term="Request">{request.label}</Row>
              <Row term="Status">{statusWords(request)}</Row>
              <Row term="Received">
                {formatTime(request.receivedAt)}
                {request.receivedOn !== request.receivedAt.slice(0, 10) && (
                  <span className="block text-slate-600">Counts as received on {formatDay(request.receivedOn)}</span>
                )}
              </Row>
              <Row term="Due">
                <span className="mr-2">{formatDay(request.dueOn)}</span>
                <DueBadge request={request} today={today} />
                {request.extendedAt && (
                  <span className="block text-slate-600">
                    Extended on {formatTime(request.extendedAt)} from {formatDay(request.firstDueOn)}.
                  </span>
                )}
              </Row>
              {request.extensionReason && (
                <Row term="Why it was extended">
                  <Words>{request.extensionReason}</Words>
                </Row>
              )}
              <Row term="Filed by">
                {FILER_WORDS[request.filedBy] ?? request.filedBy}
                {request.representativeName ? `: ${request.representativeName}` : ""}
              </Row>
              {request.representativeProof && (
                <Row term="Proof of authority">
                  <Words>{request.representativeProof}</Words>
                </Row>
              )}
              <Row term="Assigned to">{request.assignedTo?.displayName ?? "Nobody"}</Row>
              {request.purposes.length > 0 && (
                <Row term="Purposes objected to">
                  <ul className="list-disc pl-5">
                    {request.purposes.map((p) => (
                      <li key={p.key}>{p.label}</li>
                    ))}
                  </ul>
                </Row>
              )}
              {(request.categories.length > 0 || request.type === "RESTRICTION") && (
                <Row term="Data concerned">
                  {request.categories.length > 0 ? (
                    <ul className="list-disc pl-5">
                      {request.categories.map((c) => (
                        <li key={c.key}>{c.label}</li>
                      ))}
                    </ul>
                  ) : (
                    "Not named: all the data held"
                  )}
                </Row>
              )}
              <Row term="In the customer's words">
                {request.details ? <Words>{request.details}</Words> : "Nothing written"}
              </Row>
              {request.outcome && (
                <Row term="Decision">
                  {OUTCOME_WORDS[request.outcome] ?? request.outcome}
                  {request.decidedAt ? ` on ${formatTime(request.decidedAt)}` : ""}
                  {request.decisionReason && <Words>{request.decisionReason}</Words>}
                </Row>
              )}
              {request.withdrawnAt && <Row term="Withdrawn">{formatTime(request.withdrawnAt)}</Row>}
            </dl>
          </Panel>

          <Panel id="timeline-title" title="What happened">
            <ol className="space-y-3">
              {request.events.map((event, i) => (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is append-only, in order
                  key={i}
                  className={`rounded-md border-l-4 px-3 py-2 text-sm ${event.internal ? "border-amber-600 bg-amber-50" : "border-slate-300 bg-slate-50"}`}
                >
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                    <span className="font-semibold">{event.summary}</span>
                    {event.internal && (
                      <span className="rounded border border-amber-700 bg-white px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                        {event.kind === "NOTE" ? "Internal note" : "Staff only"}
                      </span>
                    )}
                  </p>
                  <p className="text-slate-600">
                    {formatTime(event.at)} · {ACTOR_WORDS[event.actorType] ?? event.actorType}
                  </p>
                  {event.message && (
                    <p className="mt-1 whitespace-pre-wrap text-slate-900 wrap-anywhere">{event.message}</p>
                  )}
                </li>
              ))}
            </ol>
          </Panel>
        </div>

        <div className="min-w-0 space-y-6">
          {!isOfficer && (
            <p className="rounded-md border border-slate-300 bg-slate-50 px-4 py-3 text-sm text-slate-800">
              Only the privacy officer assigns, checks a representative&apos;s authority, extends and decides requests.
              You can add a note for them.
            </p>
          )}

          {isOfficer && agent && (
            <Panel id="assign-title" title="Assign">
              <p className="text-sm">
                {request.assignedTo
                  ? request.assignedTo.id === agent.id
                    ? "Assigned to you."
                    : `Assigned to ${request.assignedTo.displayName}.`
                  : "Nobody has this request yet."}
              </p>
              <RequestAssignForm
                action={assignRequestAction.bind(null, shop, request.id)}
                viewerAgentId={agent.id}
                assignedToId={request.assignedTo?.id ?? null}
              />
            </Panel>
          )}

          {isOfficer && request.status === "AWAITING_VERIFICATION" && (
            <Panel id="verify-title" title="Check the representative's authority">
              <p className="text-sm text-slate-700">
                {request.representativeName ?? "A representative"} filed this for the customer. Check their proof of
                authority before anything else: the request can be decided only once it holds.
              </p>
              <RequestVerifyForm
                action={verifyRequestAction.bind(null, shop, request.id)}
                representativeName={request.representativeName ?? "The representative"}
              />
            </Panel>
          )}

          {isOfficer && request.status === "OPEN" && request.extendableTo && (
            <Panel id="extend-title" title="Extend the due date">
              <p className="text-sm text-slate-700">
                The due date moves from {formatDay(request.dueOn)} to <strong>{formatDay(request.extendableTo)}</strong>
                . It can be extended once, and only before {formatDay(request.firstDueOn)} passes.
              </p>
              <RequestExtendForm action={extendRequestAction.bind(null, shop, request.id)} />
            </Panel>
          )}

          {isOfficer && request.status === "OPEN" && (
            <Panel id="decide-title" title="Decide">
              <RequestDecideForm
                action={decideRequestAction.bind(null, shop, request.id)}
                purposes={
                  request.type === "OBJECTION" ? request.purposes.map((p) => ({ key: p.key, label: p.label })) : null
                }
                effect={EFFECT_OF_GRANTING[request.type] ?? null}
              />
            </Panel>
          )}

          {isOfficer && canLift && (
            <Panel id="lift-title" title="Lift the restriction">
              <p className="text-sm text-slate-700">
                The use of {customer?.displayName ?? "the customer"}&apos;s data is restricted because of this request.
                Lift it only when the reason for it has gone; the customer is told why.
              </p>
              <RequestLiftForm action={liftRestrictionAction.bind(null, shop, request.id)} />
            </Panel>
          )}

          <Panel id="note-title" title="Add a note">
            <RequestNoteForm action={addRequestNoteAction.bind(null, shop, request.id)} />
          </Panel>
        </div>
      </div>
    </div>
  );
}
