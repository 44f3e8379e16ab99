import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatTime } from "@/components/dates";
import { WebhookEndpointControls } from "@/components/webhook-endpoint-controls";
import { WebhookEndpointCreateForm } from "@/components/webhook-endpoint-create-form";
import { endpointStatus } from "@/components/webhook-wording";
import { execute, GraphQLOperationError } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { appUrl } from "@/server/app-url";
import { isDemoMode } from "@/server/auth/secret";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  rotateWebhookSecretAction,
  updateWebhookEndpointAction,
} from "./actions";

export const metadata: Metadata = { title: "Webhooks · Support console" };

const WebhooksRoleQuery = graphql(`
  query WebhooksRole {
    viewer { agent { role } }
  }
`);

const WebhooksPageQuery = graphql(`
  query WebhooksPage {
    webhookEndpoints {
      id
      url
      description
      events
      apiKeyId
      isEnabled
      disabledAt
      disabledReason
      failingSince
      previousSecretExpiresAt
      createdAt
    }
    webhookEventTypes { type description requiredScope }
    apiKeys { id name status }
    viewer { shop { name } }
  }
`);

type Props = { params: Promise<{ shop: string }> };

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="mt-0.5 text-slate-900 wrap-anywhere">{children}</dd>
    </div>
  );
}

// The shop's webhook endpoints, for its privacy officers: how delivery works, the
// endpoints with their state, a new one, and editing, enabling, rotating or deleting
// each. Signing secrets are shown once by the forms, never here.
export default async function WebhooksPage({ params }: Props) {
  const { shop } = await params;
  const { viewer } = await execute(WebhooksRoleQuery);
  if (viewer.agent?.role !== "PRIVACY_OFFICER") {
    return (
      <div>
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <p className="mt-2 text-slate-600">The shop&apos;s webhook endpoints are for its privacy officers only.</p>
      </div>
    );
  }
  // Refused during a support session: say why (the API's own words) instead of failing.
  const { data, refusal } = await execute(WebhooksPageQuery).then(
    (data) => ({ data, refusal: null }),
    (e: unknown) => {
      if (!(e instanceof GraphQLOperationError) || e.errors[0]?.extensions?.code !== "FORBIDDEN") throw e;
      return { data: null, refusal: e.errors[0]?.message ?? "Webhooks are managed from the console." };
    },
  );
  if (!data) {
    return (
      <div>
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <p
          role="alert"
          className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          {refusal}
        </p>
      </div>
    );
  }
  // Plain objects for the client components (GraphQL results have null prototypes).
  const eventTypes = data.webhookEventTypes.map((t) => ({
    type: t.type,
    description: t.description,
    requiredScope: t.requiredScope,
  }));
  const keyName = new Map(data.apiKeys.map((k) => [k.id, k.name]));
  const activeKeys = data.apiKeys.filter((k) => k.status === "ACTIVE").map((k) => ({ id: k.id, name: k.name }));
  const demoReceiverUrl = isDemoMode() ? appUrl("/api/dev/webhooks/demo") : null;
  const endpoints = data.webhookEndpoints;
  const enabledCount = endpoints.filter((e) => e.isEnabled).length;
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Webhooks</h1>
        <div className="max-w-3xl space-y-2 text-sm text-slate-700">
          <p>
            A webhook endpoint is a partner&apos;s (or {data.viewer.shop?.name ?? "the shop"}&apos;s own) server that is
            told when something happens to a customer&apos;s data: a consent changed, data was corrected, an account is
            to be deleted. Each message is a POST of JSON with the ids of what changed, never the values. An endpoint
            that belongs to an API key gets only the events that key&apos;s scopes cover.
          </p>
          <p>
            Every message is signed the{" "}
            <a href="https://www.standardwebhooks.com" className="underline">
              Standard Webhooks
            </a>{" "}
            way, with the endpoint&apos;s signing secret: the headers <code className="font-mono">webhook-id</code> (the
            same on every retry and replay, to spot duplicates), <code className="font-mono">webhook-timestamp</code>{" "}
            and <code className="font-mono">webhook-signature</code> (<code className="font-mono break-all">v1,</code>{" "}
            and an HMAC-SHA256 of <code className="font-mono break-all">id.timestamp.body</code>). The secret is shown{" "}
            <strong>once</strong>; after a rotation the old one keeps signing for 24 hours beside the new one.
          </p>
          <p>
            A delivery succeeds when the receiver answers 2xx within 15 seconds; anything else, redirects included, is a
            failure and is tried again after 5 seconds, 5 minutes, 30 minutes, 2, 5, 10, 14, 20 and 24 hours (about 3
            days, 10 attempts in all), then given up. An answer of 410 Gone disables the endpoint at once; an endpoint
            whose deliveries have all failed for 5 days is disabled and the privacy officers are emailed. A disabled
            endpoint gets nothing until it is enabled again; its delivery log can then replay what it missed.
          </p>
          <p>
            Delivery is <strong>at least once</strong>: a message may come twice (after a crash, or a replay), so
            receivers should skip a <code className="font-mono">webhook-id</code> they have already handled. Events
            about the same customer reach an endpoint in the order they were recorded: the next one is not sent until
            the one before it was delivered, given up or cancelled (so a failing event holds back that customer&apos;s
            later ones, for up to about 3 days). Events about different customers, and events about no customer, may
            arrive in any order; a replay is sent after that customer&apos;s events still waiting.
          </p>
        </div>
      </div>

      <section aria-labelledby="endpoints-title" className="space-y-3">
        <h2 id="endpoints-title" className="text-lg font-semibold">
          {endpoints.length === 0
            ? "No endpoints yet"
            : `${endpoints.length} endpoint${endpoints.length === 1 ? "" : "s"}, ${enabledCount} enabled`}
        </h2>
        {endpoints.length > 0 && (
          <ul className="space-y-4">
            {endpoints.map((endpoint) => {
              const status = endpointStatus(endpoint);
              return (
                <li
                  key={endpoint.id}
                  aria-labelledby={`endpoint-${endpoint.id}`}
                  className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3
                      id={`endpoint-${endpoint.id}`}
                      className="min-w-0 font-mono text-base font-semibold wrap-anywhere"
                    >
                      {endpoint.url}
                    </h3>
                    <span
                      className={`shrink-0 rounded-full border px-2.5 py-0.5 text-xs font-semibold ${status.badge}`}
                    >
                      <span className="sr-only">Status: </span>
                      {status.label}
                    </span>
                  </div>
                  <p className="mt-1 text-sm text-slate-600">
                    {status.explanation}
                    {endpoint.disabledAt ? ` Disabled ${formatTime(endpoint.disabledAt)}.` : ""}
                    {endpoint.isEnabled && endpoint.failingSince
                      ? ` Failing since ${formatTime(endpoint.failingSince)}.`
                      : ""}
                  </p>
                  <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
                    <Detail term="Events">
                      <ul className="flex flex-wrap gap-1.5">
                        {endpoint.events.map((event) => (
                          <li
                            key={event}
                            className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs"
                          >
                            {event}
                          </li>
                        ))}
                      </ul>
                    </Detail>
                    <Detail term="Belongs to">
                      {endpoint.apiKeyId
                        ? `API key “${keyName.get(endpoint.apiKeyId) ?? "unknown"}”`
                        : "The shop (no API key)"}
                    </Detail>
                    <Detail term="Description">{endpoint.description || "None"}</Detail>
                    <Detail term="Created">{formatTime(endpoint.createdAt)}</Detail>
                    {endpoint.failingSince && <Detail term="Failing since">{formatTime(endpoint.failingSince)}</Detail>}
                    {endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date() && (
                      <Detail term="Previous secret">
                        Also signs until {formatTime(endpoint.previousSecretExpiresAt)}
                      </Detail>
                    )}
                  </dl>
                  <p className="mt-3 text-sm">
                    <Link
                      href={`/${shop}/support/webhooks/${endpoint.id}`}
                      className="font-medium text-slate-900 underline"
                    >
                      Delivery log<span className="sr-only"> of {endpoint.url}</span>
                    </Link>
                  </p>
                  <WebhookEndpointControls
                    url={endpoint.url}
                    isEnabled={endpoint.isEnabled}
                    description={endpoint.description}
                    events={[...endpoint.events]}
                    eventTypes={eventTypes}
                    update={updateWebhookEndpointAction.bind(null, shop, endpoint.id)}
                    rotate={rotateWebhookSecretAction.bind(null, shop, endpoint.id)}
                    remove={deleteWebhookEndpointAction.bind(null, shop, endpoint.id)}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section
        aria-labelledby="create-title"
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      >
        <h2 id="create-title" className="text-lg font-semibold">
          Add an endpoint
        </h2>
        <WebhookEndpointCreateForm
          action={createWebhookEndpointAction.bind(null, shop)}
          eventTypes={eventTypes}
          apiKeys={activeKeys}
          demoReceiverUrl={demoReceiverUrl}
        />
      </section>
    </div>
  );
}
