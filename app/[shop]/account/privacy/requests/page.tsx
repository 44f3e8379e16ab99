import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDay } from "@/components/dates";
import { RestrictionBanner } from "@/components/request-restriction-banner";
import { listText, requestsCount } from "@/components/request-wording";
import { execute } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { createRequestAction } from "./actions";
import { RequestCard } from "./request-card";
import { RequestForm } from "./request-forms";

export const metadata: Metadata = { title: "Requests" };

const PAGE = 20;

const RequestsPageQuery = graphql(`
  query RequestsPage($first: Int!, $after: String) {
    viewer {
      shop {
        handle
        name
        policy {
          controllers { email address }
          dpo { email address }
          requests { authorisedAgentsAllowed authorisedAgentRequirement }
        }
      }
      impersonation { id }
      customer {
        rightsRequests(first: $first, after: $after) {
          types {
            type
            label
            description
            conditions
            asksForPurposes
            asksForCategories
            requiresDetails
            detailsLabel
          }
          objectionPurposes { key label }
          categories { key label }
          restrictedAt
          objectedPurposes { key label }
          dueDatesIfFiledNow { dueOn extendedDueOn }
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
                purposes { key label }
                categories { key label }
                details
                filedBy
                representativeName
                selfService
                receivedAt
                receivedOn
                firstDueOn
                dueOn
                isOverdue
                extendedAt
                extensionReason
                decidedAt
                decisionReason
                withdrawnAt
                events { kind summary actorType message internal at }
                canChange
              }
            }
          }
        }
      }
    }
  }
`);

// GraphQL's results have no prototype; client components take plain objects.
const plain = ({ key, label }: { key: string; label: string }) => ({ key, label });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function Note({ tone, children }: { tone: "done" | "info"; children: ReactNode }) {
  const colours =
    tone === "done" ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-sky-700 bg-sky-50 text-sky-900";
  return (
    <div role="status" className={`rounded-lg border-2 px-5 py-4 ${colours}`}>
      {children}
    </div>
  );
}

export default async function RequestsPage({ searchParams }: Props) {
  const query = await searchParams;
  const after = first(query.after);
  const cursor = after && /^[A-Za-z0-9_-]{1,100}$/.test(after) ? after : null;
  const { viewer } = await execute(RequestsPageQuery, { first: PAGE, after: cursor });
  if (!viewer.customer || !viewer.shop) return null;
  const { shop } = viewer;
  const data = viewer.customer.rightsRequests;
  const list = data.requests;
  const isReadOnly = Boolean(viewer.impersonation);
  const base = `/${shop.handle}/account/privacy`;
  const page = `${base}/requests`;
  const due = data.dueDatesIfFiledNow;
  const filedId = first(query.filed);
  const filed = filedId ? list.edges.find((e) => e.node.id === filedId)?.node : undefined;
  const objected = listText(data.objectedPurposes);
  const { policy } = shop;
  const email = policy.dpo?.email ?? policy.controllers.find((c) => c.email)?.email;
  const postal = policy.dpo?.address ?? policy.controllers[0]?.address;
  const asks = {
    types: data.types.map((t) => t.type),
    purposes: data.types.filter((t) => t.asksForPurposes).map((t) => t.type),
    categories: data.types.filter((t) => t.asksForCategories).map((t) => t.type),
  };

  const selfService = (
    <p className="text-sm text-slate-600">
      Some things need no request: you do them at once here, in{" "}
      <Link href={`${base}/export`} className="underline">
        Download my data
      </Link>
      ,{" "}
      <Link href={`${base}/data`} className="underline">
        My data
      </Link>{" "}
      (corrections),{" "}
      <Link href={`${base}/subscriptions`} className="underline">
        Subscriptions
      </Link>{" "}
      and{" "}
      <Link href={`${base}/delete`} className="underline">
        Delete my account
      </Link>
      .
    </p>
  );

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold">Requests</h1>
        <p className="mt-2 text-slate-600">
          A request asks {shop.name} to do something about your data that your account cannot do at once, such as
          stopping a use of it or having a person look at a decision. We confirm it straight away and answer in writing.
          A request filed today must be answered by <strong className="text-slate-900">{formatDay(due.dueOn)}</strong>
          {due.extendedDueOn
            ? `, or by ${formatDay(due.extendedDueOn)} if it is complex and we tell you why before the first date`
            : ""}
          .
        </p>
        {list.totalCount > 0 && (
          <p className="mt-2">
            <a href="#yours" className="font-medium underline">
              Your requests ({list.totalCount})
            </a>
          </p>
        )}
      </header>

      {filedId && (
        <Note tone="done">
          <p className="font-semibold">
            {filed ? `We received your request: ${filed.label}.` : "We received your request."}
          </p>
          <p className="mt-1 text-sm">
            {filed ? `We will answer by ${formatDay(filed.dueOn)}. ` : ""}We also sent you an email. You can follow it,
            add information or withdraw it below.
          </p>
        </Note>
      )}
      {first(query.withdrawn) === "1" && (
        <Note tone="done">
          <p className="font-semibold">Your request is withdrawn.</p>
          <p className="mt-1 text-sm">We do nothing more about it. You can file a new request at any time.</p>
        </Note>
      )}
      {isReadOnly && (
        <Note tone="info">
          <p className="font-semibold">Support staff cannot file, add to or withdraw requests.</p>
          <p className="mt-1 text-sm">
            This page shows the customer&apos;s requests as they see them, without controls.
          </p>
        </Note>
      )}

      {data.restrictedAt && <RestrictionBanner since={formatDay(data.restrictedAt)} />}

      {objected && (
        <section
          aria-labelledby="objected"
          className="rounded-lg border-2 border-sky-700 bg-sky-50 px-5 py-4 text-sky-950"
        >
          <h2 id="objected" className="text-lg font-semibold">
            Your objections
          </h2>
          <p className="mt-1">You objected to: {objected}. We no longer use your data for them.</p>
        </section>
      )}

      {!isReadOnly && data.types.length > 0 && (
        <section aria-labelledby="file" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="file" className="text-xl font-semibold">
            File a request
          </h2>
          <div className="mt-1 mb-5 space-y-2">
            {selfService}
            {policy.requests.authorisedAgentsAllowed && (
              <p className="text-sm text-slate-600">
                Someone you authorise can also file a request for you by writing to us.{" "}
                {policy.requests.authorisedAgentRequirement ? `${policy.requests.authorisedAgentRequirement} ` : ""}We
                check their authority before we act.
              </p>
            )}
          </div>
          <RequestForm
            action={createRequestAction.bind(null, shop.handle, asks)}
            types={data.types.map((t) => ({ ...t }))}
            objectionPurposes={data.objectionPurposes.map(plain)}
            categories={data.categories.map(plain)}
          />
        </section>
      )}

      {!isReadOnly && data.types.length === 0 && (
        <section aria-labelledby="file" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="file" className="text-xl font-semibold">
            File a request
          </h2>
          <p className="mt-1 text-slate-700">
            {shop.name}&apos;s privacy policy offers no requests to file here. To use another right it gives you, write
            to {shop.name}
            {email ? (
              <>
                {" "}
                at{" "}
                <a href={`mailto:${email}`} className="underline">
                  {email}
                </a>
              </>
            ) : postal ? (
              ` at ${postal}`
            ) : null}
            . Your{" "}
            <Link href={base} className="underline">
              privacy overview
            </Link>{" "}
            lists those rights.
          </p>
          <div className="mt-2">{selfService}</div>
        </section>
      )}

      <section aria-labelledby="yours" className="space-y-4">
        <h2 id="yours" className="text-xl font-semibold">
          Your requests
        </h2>
        {list.totalCount === 0 ? (
          <p className="text-slate-700">
            {isReadOnly ? "The customer has not filed any request." : "You have not filed any request yet."}
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600">{requestsCount(list.totalCount)}, newest first.</p>
            <ul className="space-y-4">
              {list.edges.map((edge, index) => (
                <li key={edge.node.id}>
                  <RequestCard request={edge.node} shop={shop.handle} isReadOnly={isReadOnly} index={index} />
                </li>
              ))}
            </ul>
            {(cursor || list.pageInfo.hasNextPage) && (
              <nav aria-label="Pages of requests" className="flex gap-4 text-sm">
                {cursor && (
                  <Link href={page} className="underline">
                    Newest requests
                  </Link>
                )}
                {list.pageInfo.hasNextPage && list.pageInfo.endCursor && (
                  <Link href={`${page}?after=${encodeURIComponent(list.pageInfo.endCursor)}`} className="underline">
                    Show older requests
                  </Link>
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  );
}
