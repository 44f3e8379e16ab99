import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ApiKeyControls } from "@/components/api-key-controls";
import { ApiKeyCreateForm } from "@/components/api-key-create-form";
import { API_KEY_STATUS } from "@/components/api-key-wording";
import { formatTime } from "@/components/dates";
import { execute, GraphQLOperationError } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { API_KEYS } from "@/server/api-keys";
import { createApiKeyAction, revokeApiKeyAction, rotateApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys · Support console" };

const ApiKeysRoleQuery = graphql(`
  query ApiKeysRole {
    viewer { agent { role } }
  }
`);

const ApiKeysPageQuery = graphql(`
  query ApiKeysPage {
    apiKeys {
      id
      name
      scopes
      recipientKey
      createdByName
      createdAt
      lastUsedAt
      expiresAt
      revokedAt
      status
      secrets { prefix createdAt expiresAt lastUsedAt }
    }
    apiScopes { key description }
    viewer { shop { name policy { recipients { key name } } } }
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

// The shop's partner API keys, for its privacy officers: what a key is, the keys, a new
// one, and rotating or revoking each. Secrets are shown once by the forms, never here.
export default async function ApiKeysPage({ params }: Props) {
  const { shop } = await params;
  const { viewer } = await execute(ApiKeysRoleQuery);
  if (viewer.agent?.role !== "PRIVACY_OFFICER") {
    return (
      <div>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="mt-2 text-slate-600">The shop&apos;s partner API keys are for its privacy officers only.</p>
      </div>
    );
  }
  // Refused during a support session: say why (the API's own words) instead of failing.
  const { data, refusal } = await execute(ApiKeysPageQuery).then(
    (data) => ({ data, refusal: null }),
    (e: unknown) => {
      if (!(e instanceof GraphQLOperationError) || e.errors[0]?.extensions?.code !== "FORBIDDEN") throw e;
      return { data: null, refusal: e.errors[0]?.message ?? "API keys are managed from the console." };
    },
  );
  if (!data) {
    return (
      <div>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p
          role="alert"
          className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          {refusal}
        </p>
      </div>
    );
  }
  // Plain objects for the client form (GraphQL results have null prototypes).
  const recipients = (data.viewer.shop?.policy.recipients ?? []).map((r) => ({ key: r.key, name: r.name }));
  const scopes = data.apiScopes.map((s) => ({ key: s.key, description: s.description }));
  const recipientName = new Map(recipients.map((r) => [r.key, r.name]));
  const activeCount = data.apiKeys.filter((k) => k.status === "ACTIVE").length;
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">API keys</h1>
        <div className="max-w-3xl space-y-2 text-sm text-slate-700">
          <p>
            A key lets a partner (or the shop&apos;s own back office) use the privacy centre&apos;s GraphQL API server
            to server. Each key belongs to {data.viewer.shop?.name ?? "this shop"} only and can do only what its scopes
            allow; customers see the key&apos;s name in their access log whenever it reads or changes their data.
          </p>
          <p>
            The secret is shown <strong>once</strong>, when the key is created or rotated: only a fingerprint of it is
            kept. The partner sends it with every request to <code className="font-mono">/api/graphql</code> in the
            header <code className="font-mono break-all">Authorization: Bearer &lt;secret&gt;</code>. The schema is
            published at{" "}
            <a href="/api/graphql/schema.graphql" className="font-mono underline">
              /api/graphql/schema.graphql
            </a>
            , and developers can try queries with a key in{" "}
            <a href="/developers/graphiql" className="underline">
              GraphiQL
            </a>
            .
          </p>
          <p>
            Rotating issues a new secret and lets the current one work for a while, so the partner can switch without a
            gap; revoking ends the key at once. Every create, rotate and revoke is written to the audit log.
          </p>
        </div>
      </div>

      <section aria-labelledby="keys-title" className="space-y-3">
        <h2 id="keys-title" className="text-lg font-semibold">
          {data.apiKeys.length === 0
            ? "No keys yet"
            : `${data.apiKeys.length} key${data.apiKeys.length === 1 ? "" : "s"}, ${activeCount} active`}
        </h2>
        {data.apiKeys.length > 0 && (
          <ul className="space-y-4">
            {data.apiKeys.map((key) => {
              const status = API_KEY_STATUS[key.status] ?? { label: key.status, badge: "", explanation: "" };
              return (
                <li
                  key={key.id}
                  aria-labelledby={`key-${key.id}`}
                  className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <h3 id={`key-${key.id}`} className="min-w-0 text-base font-semibold wrap-anywhere">
                      {key.name}
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
                    {key.status === "REVOKED" && key.revokedAt ? ` Revoked ${formatTime(key.revokedAt)}.` : ""}
                  </p>
                  <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
                    <Detail term={key.secrets.length > 1 ? "Secrets in use" : "Secret"}>
                      {key.secrets.length === 0 ? (
                        "None working"
                      ) : (
                        <ul className="space-y-1">
                          {key.secrets.map((s) => (
                            <li key={s.prefix + s.createdAt}>
                              <code className="font-mono break-all">{s.prefix}…</code>
                              <span className="block text-xs text-slate-600">
                                {s.expiresAt ? `Stops working ${formatTime(s.expiresAt)}` : "Current"}
                                {" · last used "}
                                {s.lastUsedAt ? formatTime(s.lastUsedAt) : "never"}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </Detail>
                    <Detail term="Scopes">
                      <ul className="flex flex-wrap gap-1.5">
                        {key.scopes.map((scope) => (
                          <li
                            key={scope}
                            className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs"
                          >
                            {scope}
                          </li>
                        ))}
                      </ul>
                    </Detail>
                    <Detail term="Created">
                      {formatTime(key.createdAt)}
                      {key.createdByName ? ` by ${key.createdByName}` : ""}
                    </Detail>
                    <Detail term="Last used">{key.lastUsedAt ? formatTime(key.lastUsedAt) : "Never"}</Detail>
                    <Detail term="Expires">{key.expiresAt ? formatTime(key.expiresAt) : "No expiry"}</Detail>
                    {key.recipientKey && (
                      <Detail term="Policy recipient">{recipientName.get(key.recipientKey) ?? key.recipientKey}</Detail>
                    )}
                  </dl>
                  <ApiKeyControls
                    keyName={key.name}
                    status={key.status}
                    rotate={rotateApiKeyAction.bind(null, shop, key.id)}
                    revoke={revokeApiKeyAction.bind(null, shop, key.id)}
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
          Create a key
        </h2>
        <ApiKeyCreateForm
          action={createApiKeyAction.bind(null, shop)}
          scopes={scopes}
          recipients={recipients}
          nameMaxLength={API_KEYS.nameMaxLength}
        />
      </section>
    </div>
  );
}
