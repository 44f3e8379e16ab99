import type { Metadata } from "next";
import Link from "next/link";
import { formatDay } from "@/components/dates";
import { DueBadge, FilerMarker } from "@/components/request-staff-parts";
import { ALL_TYPES, REQUEST_TYPE_WORDS, statusWords } from "@/components/request-staff-wording";
import { execute, GraphQLOperationError } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import type { RightsRequestStatus, RightsRequestType } from "@/graphql/generated/client/graphql";

export const metadata: Metadata = { title: "Requests · Support console" };

const RequestStaffQueueContextQuery = graphql(`
  query RequestStaffQueueContext($handle: String!) {
    viewer { agent { id role } }
    shop(handle: $handle) { policy { requests { dueDatesIfAskedNow { receivedOn } } } }
  }
`);

const RequestStaffQueueQuery = graphql(`
  query RequestStaffQueue($filter: RightsRequestQueueFilter, $after: String) {
    rightsRequestQueue(filter: $filter, first: 25, after: $after) {
      openCount
      overdueCount
      dueSoonCount
      requests {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            type
            label
            status
            outcome
            selfService
            receivedOn
            dueOn
            isOverdue
            extendedAt
            filedBy
            representativeName
            assignedTo { id displayName }
            customer { displayName email isRestricted }
          }
        }
      }
    }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The status filter's choices; "" is the API's default (open and awaiting a check).
const STATUS_CHOICES: { value: string; label: string; statuses: RightsRequestStatus[] | null }[] = [
  { value: "", label: "Open and waiting for a check", statuses: null },
  { value: "AWAITING_VERIFICATION", label: "Waiting for a check", statuses: ["AWAITING_VERIFICATION"] },
  { value: "OPEN", label: "Open", statuses: ["OPEN"] },
  { value: "CLOSED", label: "Closed", statuses: ["CLOSED"] },
  { value: "WITHDRAWN", label: "Withdrawn", statuses: ["WITHDRAWN"] },
  { value: "ALL", label: "Any status", statuses: ["AWAITING_VERIFICATION", "OPEN", "CLOSED", "WITHDRAWN"] },
];

const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : null);

const INPUT =
  "mt-1 block h-[2.625rem] w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm";

function Count({ term, value, isAlarm }: { term: string; value: number; isAlarm?: boolean }) {
  return (
    <div
      className={`flex flex-col justify-between rounded-lg border p-3 shadow-sm sm:p-4 ${isAlarm && value > 0 ? "border-red-700 bg-red-50" : "border-slate-200 bg-white"}`}
    >
      <dt className={`text-xs font-medium sm:text-sm ${isAlarm && value > 0 ? "text-red-900" : "text-slate-600"}`}>
        {term}
      </dt>
      <dd
        className={`mt-1 text-2xl font-bold tabular-nums ${isAlarm && value > 0 ? "text-red-800" : "text-slate-900"}`}
      >
        {value}
      </dd>
    </div>
  );
}

// The shop's rights requests for its staff: how many are open, overdue and due soon,
// filters (a GET form, so a filtered queue can be bookmarked), then the requests overdue
// first and by due date, a table on a wide screen and cards on a phone.
export default async function RequestQueuePage({ params, searchParams }: Props) {
  const { shop } = await params;
  const query = await searchParams;
  const context = await execute(RequestStaffQueueContextQuery, { handle: shop });
  const agent = context.viewer.agent;
  const today = context.shop?.policy.requests.dueDatesIfAskedNow.receivedOn ?? new Date().toISOString().slice(0, 10);

  const type = ALL_TYPES.find((t) => t === one(query.type)) ?? null;
  const status = STATUS_CHOICES.find((c) => c.value === (one(query.status) ?? "")) ?? STATUS_CHOICES[0];
  const isMine = one(query.mine) === "1";
  const includeSelfService = one(query.self) === "1";
  const after = one(query.after);
  const filter = {
    types: type ? [type as RightsRequestType] : null,
    statuses: status.statuses,
    assignedToId: isMine && agent ? agent.id : null,
    includeSelfService,
  };
  const hasFilters = Boolean(type || status.value || isMine || includeSelfService);

  let queue = null;
  let error: string | null = null;
  try {
    queue = (await execute(RequestStaffQueueQuery, { filter, after })).rightsRequestQueue;
  } catch (e) {
    if (!(e instanceof GraphQLOperationError) || e.errors[0]?.extensions?.code !== "INVALID_INPUT") throw e;
    error = e.errors[0]?.message ?? "This page link is not valid. Start from the first page.";
  }

  const here = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    if (type) p.set("type", type);
    if (status.value) p.set("status", status.value);
    if (isMine) p.set("mine", "1");
    if (includeSelfService) p.set("self", "1");
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return `/${shop}/support/requests${s ? `?${s}` : ""}`;
  };
  const detail = (id: string) => `/${shop}/support/requests/${encodeURIComponent(id)}`;
  const rows = queue?.requests.edges.map((e) => e.node) ?? [];
  const total = queue?.requests.totalCount ?? 0;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">Requests</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          What customers, or people acting for them, asked of the shop about their data: restriction, objection, review
          of an automated decision, a disputed correction. Each has a legal due date; overdue requests come first, then
          the rest by due date. Only the privacy officer decides them.
        </p>
        {agent?.role === "PRIVACY_OFFICER" && (
          <p className="text-sm">
            <Link href={`/${shop}/support/requests/metrics`} className="font-medium underline">
              Figures per year
            </Link>
          </p>
        )}
      </div>

      {queue && (
        <section aria-labelledby="counts-title">
          <h2 id="counts-title" className="sr-only">
            At a glance
          </h2>
          <dl className="grid grid-cols-3 gap-2 sm:gap-3">
            <Count term="Open (and waiting for a check)" value={queue.openCount} />
            <Count term="Overdue" value={queue.overdueCount} isAlarm />
            <Count term="Due within 7 days" value={queue.dueSoonCount} />
          </dl>
        </section>
      )}

      <form
        method="get"
        action={`/${shop}/support/requests`}
        aria-label="Filter the requests"
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[1fr_1fr_auto] md:items-end"
      >
        <div>
          <label htmlFor="type" className="block text-sm font-medium text-slate-800">
            Type
          </label>
          <select id="type" name="type" defaultValue={type ?? ""} className={INPUT}>
            <option value="">Any type</option>
            {ALL_TYPES.map((t) => (
              <option key={t} value={t}>
                {REQUEST_TYPE_WORDS[t]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select id="status" name="status" defaultValue={status.value} className={INPUT}>
            {STATUS_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-2 text-sm md:pb-1">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="mine" value="1" defaultChecked={isMine} className="h-4 w-4" />
            Only mine
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="self" value="1" defaultChecked={includeSelfService} className="h-4 w-4" />
            Include self-service
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-3 md:col-span-3">
          <button type="submit" className="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white">
            Filter
          </button>
          {hasFilters && (
            <Link href={`/${shop}/support/requests`} className="text-sm underline">
              Clear the filters
            </Link>
          )}
          <p className="text-sm text-slate-600">
            Self-service requests (a download, a correction, a deletion or a withdrawal done in the account) are done at
            once; they show only when included and with a status that covers closed requests.
          </p>
        </div>
      </form>

      {error && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p>{error}</p>
          <p className="mt-1">
            <Link href={here({})} className="underline">
              First page
            </Link>
          </p>
        </div>
      )}

      {queue && (
        <section aria-labelledby="list-title" className="space-y-3">
          <h2 id="list-title" className="text-lg font-semibold">
            {total === 0
              ? hasFilters
                ? "No requests match the filters"
                : "No open requests"
              : `${total} request${total === 1 ? "" : "s"}${hasFilters ? " matching the filters" : ""}`}
          </h2>

          {rows.length > 0 && (
            <>
              <div className="hidden overflow-hidden rounded-lg border border-slate-200 bg-white md:block">
                <table className="min-w-full text-left text-sm">
                  <caption className="sr-only">Requests, overdue first, then by due date</caption>
                  <thead className="bg-slate-50 text-slate-700">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Customer
                      </th>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Request
                      </th>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Status
                      </th>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Received
                      </th>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Due
                      </th>
                      <th scope="col" className="px-3 py-2 font-semibold">
                        Assigned to
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 align-top">
                    {rows.map((r) => (
                      <tr key={r.id}>
                        <td className="px-3 py-2">
                          <Link href={detail(r.id)} className="font-medium underline wrap-anywhere">
                            {r.customer?.displayName ?? "Unknown customer"}
                            <span className="sr-only">: {r.label}</span>
                          </Link>
                          <span className="block text-slate-600 wrap-anywhere">{r.customer?.email}</span>
                        </td>
                        <td className="px-3 py-2">
                          <span className="block">{r.label}</span>
                          <FilerMarker filedBy={r.filedBy} representativeName={r.representativeName} />
                        </td>
                        <td className="px-3 py-2">{statusWords(r)}</td>
                        <td className="whitespace-nowrap px-3 py-2">{formatDay(r.receivedOn)}</td>
                        <td className="px-3 py-2">
                          <span className="block whitespace-nowrap">
                            {formatDay(r.dueOn)}
                            {r.extendedAt ? " (extended)" : ""}
                          </span>
                          <DueBadge request={r} today={today} />
                        </td>
                        <td className="px-3 py-2 wrap-anywhere">{r.assignedTo?.displayName ?? "Nobody"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>

              <ul className="space-y-3 md:hidden">
                {rows.map((r) => (
                  <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                    <p>
                      <Link href={detail(r.id)} className="font-semibold underline wrap-anywhere">
                        {r.customer?.displayName ?? "Unknown customer"}
                        <span className="sr-only">: {r.label}</span>
                      </Link>
                    </p>
                    <p className="text-sm text-slate-600 wrap-anywhere">{r.customer?.email}</p>
                    <p className="mt-2 text-sm">{r.label}</p>
                    <FilerMarker filedBy={r.filedBy} representativeName={r.representativeName} />
                    <dl className="mt-2 grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
                      <dt className="text-slate-600">Status</dt>
                      <dd>{statusWords(r)}</dd>
                      <dt className="text-slate-600">Received</dt>
                      <dd>{formatDay(r.receivedOn)}</dd>
                      <dt className="text-slate-600">Due</dt>
                      <dd>
                        <span className="mr-2">
                          {formatDay(r.dueOn)}
                          {r.extendedAt ? " (extended)" : ""}
                        </span>
                        <DueBadge request={r} today={today} />
                      </dd>
                      <dt className="text-slate-600">Assigned to</dt>
                      <dd className="wrap-anywhere">{r.assignedTo?.displayName ?? "Nobody"}</dd>
                    </dl>
                  </li>
                ))}
              </ul>
            </>
          )}

          {(after || queue.requests.pageInfo.hasNextPage) && (
            <nav aria-label="Request pages" className="flex gap-4 text-sm">
              {after && (
                <Link href={here({})} className="underline">
                  First page
                </Link>
              )}
              {queue.requests.pageInfo.hasNextPage && queue.requests.pageInfo.endCursor && (
                <Link href={here({ after: queue.requests.pageInfo.endCursor })} className="underline">
                  Next page
                </Link>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
