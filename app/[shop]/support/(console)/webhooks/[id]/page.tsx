import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatTime } from "@/components/dates";
import { ReplayDeliveryButton, ReplaySinceForm } from "@/components/webhook-replay";
import { attemptOutcome, DELIVERY_STATUS, endpointStatus } from "@/components/webhook-wording";
import { execute, GraphQLOperationError } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { replayDeliveryAction, replaySinceAction } from "../actions";

export const metadata: Metadata = { title: "Webhook delivery log · Support console" };

const PAGE_SIZE = 25;

const WebhookLogRoleQuery = graphql(`
  query WebhookLogRole {
    viewer { agent { role } }
  }
`);

const WebhookLogQuery = graphql(`
  query WebhookLog($id: ID!, $first: Int!, $after: String) {
    webhookEndpoint(id: $id) {
      id
      url
      description
      isEnabled
      disabledReason
      failingSince
      deliveries(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id
            eventId
            eventType
            status
            attemptCount
            nextAttemptAt
            createdAt
            finishedAt
            attempts { attemptedAt statusCode latencyMs responseExcerpt error }
          }
        }
      }
    }
  }
`);

type Props = {
  params: Promise<{ shop: string; id: string }>;
  searchParams: Promise<{ after?: string | string[] }>;
};

// A datetime-local value in UTC for "24 hours ago", the replay form's suggestion.
function dayAgoInput(): string {
  return new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 16);
}

// One endpoint's deliveries, newest first, each with its attempts (time, status code,
// latency, what the receiver answered), a replay per delivery and a replay since a time.
export default async function WebhookLogPage({ params, searchParams }: Props) {
  const { shop, id } = await params;
  const { after: afterParam } = await searchParams;
  const after = typeof afterParam === "string" && /^[A-Za-z0-9_-]{1,200}$/.test(afterParam) ? afterParam : null;
  const back = (
    <p className="text-sm">
      <Link href={`/${shop}/support/webhooks`} className="underline">
        ← All webhook endpoints
      </Link>
    </p>
  );
  const { viewer } = await execute(WebhookLogRoleQuery);
  if (viewer.agent?.role !== "PRIVACY_OFFICER") {
    return (
      <div>
        <h1 className="text-2xl font-bold">Webhook delivery log</h1>
        <p className="mt-2 text-slate-600">The shop&apos;s webhook endpoints are for its privacy officers only.</p>
      </div>
    );
  }
  // A cursor that is not this endpoint's (edited by hand, or its delivery gone): the newest page.
  const load = (cursor: string | null) =>
    execute(WebhookLogQuery, { id, first: PAGE_SIZE, after: cursor }).catch((e: unknown) => {
      if (cursor && e instanceof GraphQLOperationError && e.errors[0]?.extensions?.code === "INVALID_INPUT") {
        redirect(`/${shop}/support/webhooks/${id}`);
      }
      throw e;
    });
  const { data, refusal } = await load(after).then(
    (data) => ({ data, refusal: null }),
    (e: unknown) => {
      if (!(e instanceof GraphQLOperationError) || e.errors[0]?.extensions?.code !== "FORBIDDEN") throw e;
      return { data: null, refusal: e.errors[0]?.message ?? "Webhooks are managed from the console." };
    },
  );
  if (!data) {
    return (
      <div>
        <h1 className="text-2xl font-bold">Webhook delivery log</h1>
        <p
          role="alert"
          className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          {refusal}
        </p>
      </div>
    );
  }
  const endpoint = data.webhookEndpoint;
  if (!endpoint) notFound();
  const status = endpointStatus(endpoint);
  const { deliveries } = endpoint;
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        {back}
        <h1 className="text-2xl font-bold">Webhook delivery log</h1>
        <p className="font-mono text-sm font-semibold wrap-anywhere">{endpoint.url}</p>
        {endpoint.description && <p className="text-sm text-slate-700 wrap-anywhere">{endpoint.description}</p>}
        <p className="text-sm text-slate-700">
          <span className={`mr-2 rounded-full border px-2.5 py-0.5 text-xs font-semibold ${status.badge}`}>
            <span className="sr-only">Status: </span>
            {status.label}
          </span>
          {status.explanation}
          {endpoint.isEnabled && endpoint.failingSince ? ` Failing since ${formatTime(endpoint.failingSince)}.` : ""}
        </p>
        <p className="max-w-3xl text-sm text-slate-700">
          Every message sent to this endpoint, newest first, with each attempt: when, the status code the receiver
          answered, how long it took and the start of its answer. Replaying sends the same event again, with the same
          webhook-id, as a new delivery.
        </p>
      </div>

      <section
        aria-labelledby="replay-title"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      >
        <h2 id="replay-title" className="text-lg font-semibold">
          Replay what it missed
        </h2>
        <ReplaySinceForm
          replay={replaySinceAction.bind(null, shop, endpoint.id)}
          defaultSince={dayAgoInput()}
          isDisabled={!endpoint.isEnabled}
        />
      </section>

      <section aria-labelledby="deliveries-title" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="deliveries-title" className="text-lg font-semibold">
            {deliveries.totalCount === 0
              ? "No deliveries yet"
              : `${deliveries.totalCount} deliver${deliveries.totalCount === 1 ? "y" : "ies"}${after ? ", older ones" : ""}`}
          </h2>
          <Link
            href={`/${shop}/support/webhooks/${endpoint.id}`}
            className="rounded-md border border-slate-500 bg-white px-3 py-1.5 text-sm font-medium no-underline"
          >
            {after ? "Newest deliveries" : "Refresh"}
          </Link>
        </div>
        {deliveries.edges.length > 0 && (
          <ol className="space-y-4">
            {deliveries.edges.map(({ node: delivery }) => {
              const badge = DELIVERY_STATUS[delivery.status] ?? {
                label: delivery.status,
                badge: "",
                explanation: "",
              };
              const title = `${delivery.eventType}, ${formatTime(delivery.createdAt)}`;
              return (
                <li
                  key={delivery.id}
                  aria-labelledby={`delivery-${delivery.id}`}
                  className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 id={`delivery-${delivery.id}`} className="min-w-0 font-semibold wrap-anywhere">
                      <span className="font-mono">{delivery.eventType}</span>
                      <span className="font-normal text-slate-600"> · {formatTime(delivery.createdAt)}</span>
                    </h3>
                    <span className={`shrink-0 rounded-full border px-2.5 py-0.5 text-xs font-semibold ${badge.badge}`}>
                      <span className="sr-only">Status: </span>
                      {badge.label}
                    </span>
                  </div>
                  <p className="mt-1 text-sm text-slate-600">
                    {badge.explanation}
                    {delivery.status === "PENDING" && delivery.nextAttemptAt
                      ? ` Next attempt ${formatTime(delivery.nextAttemptAt)} at the earliest.`
                      : ""}
                    {delivery.finishedAt && delivery.status !== "PENDING"
                      ? ` Finished ${formatTime(delivery.finishedAt)}.`
                      : ""}
                  </p>
                  <p className="mt-1 text-xs text-slate-600 wrap-anywhere">
                    webhook-id <code className="font-mono">{delivery.eventId}</code>
                  </p>
                  <h4 className="mt-3 text-sm font-semibold">
                    {delivery.attemptCount === 0
                      ? "No attempt yet"
                      : `${delivery.attemptCount} attempt${delivery.attemptCount === 1 ? "" : "s"}`}
                  </h4>
                  {delivery.attempts.length > 0 && (
                    <ol className="mt-2 space-y-3">
                      {delivery.attempts.map((attempt, i) => (
                        <li
                          key={attempt.attemptedAt}
                          className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
                        >
                          <p className="flex flex-wrap gap-x-4 gap-y-1">
                            <span className="font-medium">
                              {i + 1}. {formatTime(attempt.attemptedAt)}
                            </span>
                            <span>{attemptOutcome(attempt)}</span>
                            <span className="text-slate-600">{attempt.latencyMs} ms</span>
                          </p>
                          {attempt.responseExcerpt && (
                            <pre className="mt-2 max-h-48 overflow-y-auto rounded border border-slate-200 bg-white p-2 font-mono text-xs whitespace-pre-wrap wrap-anywhere">
                              {attempt.responseExcerpt}
                            </pre>
                          )}
                        </li>
                      ))}
                    </ol>
                  )}
                  <div className="mt-3">
                    <ReplayDeliveryButton
                      label={title}
                      replay={replayDeliveryAction.bind(null, shop, endpoint.id, delivery.id)}
                    />
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {deliveries.pageInfo.hasNextPage && deliveries.pageInfo.endCursor && (
          <p>
            <Link
              href={`/${shop}/support/webhooks/${endpoint.id}?after=${encodeURIComponent(deliveries.pageInfo.endCursor)}`}
              className="font-medium underline"
            >
              Older deliveries
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
