import type { Metadata } from "next";
import Link from "next/link";
import { API_KEY_ACTIONS, apiKeyEventSummary } from "@/components/api-key-wording";
import { formatTime } from "@/components/dates";
import { WEBHOOK_ACTIONS } from "@/components/webhook-wording";
import { execute, GraphQLOperationError } from "@/graphql/execute";
import { graphql } from "@/graphql/generated/client";
import { fromGlobalId } from "@/graphql/global-id";
import { filterAuditLogAction } from "./actions";

export const metadata: Metadata = { title: "Audit log · Support console" };

const AuditRoleQuery = graphql(`
  query AuditLogRole {
    viewer { agent { role } }
  }
`);

const AuditLogQuery = graphql(`
  query AuditLogPage($customerId: ID, $agentId: ID, $action: String, $after: String) {
    auditLog(customerId: $customerId, agentId: $agentId, action: $action, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id sequence at action actorType actorName customerId impersonationId details }
      }
    }
    auditLogAgents { id displayName role }
  }
`);

const AuditKeyNamesQuery = graphql(`
  query AuditLogKeyNames {
    apiKeys { id name }
  }
`);

type Props = {
  params: Promise<{ shop: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const ACTOR_WORDS: Record<string, string> = {
  CUSTOMER: "The customer",
  AGENT: "Support staff",
  PARTNER: "A partner",
  SYSTEM: "The system",
};

const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : null);

export default async function AuditLogPage({ params, searchParams }: Props) {
  const { shop } = await params;
  const query = await searchParams;
  const { viewer } = await execute(AuditRoleQuery);
  if (viewer.agent?.role !== "PRIVACY_OFFICER") {
    return (
      <div>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="mt-2 text-slate-600">The shop&apos;s audit log is for its privacy officers only.</p>
      </div>
    );
  }
  const filters = { customerId: one(query.customer), agentId: one(query.agent), action: one(query.action) };
  const isUnknownCustomer = query.unknownCustomer === "1";
  let log = null;
  let agents: { id: string; displayName: string; role: string }[] = [];
  // Key id (as the audit details record it) → name, for api-key.* events.
  const keyNames = new Map<string, string>();
  let error: string | null = null;
  try {
    const data = await execute(AuditLogQuery, { ...filters, after: one(query.after) });
    log = data.auditLog;
    agents = data.auditLogAgents;
    // Keys cannot be listed during a support session: the log then shows the ids alone.
    const keys = await execute(AuditKeyNamesQuery).catch(() => ({ apiKeys: [] }));
    for (const key of keys.apiKeys) {
      const decoded = fromGlobalId(key.id);
      if (decoded) keyNames.set(decoded.id, key.name);
    }
  } catch (e) {
    if (!(e instanceof GraphQLOperationError) || e.errors[0]?.extensions?.code !== "INVALID_INPUT") throw e;
    error = e.errors[0]?.message ?? "Check the filters.";
  }
  const hasFilters = Boolean(filters.customerId || filters.agentId || filters.action);
  const here = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    if (filters.customerId) p.set("customer", filters.customerId);
    if (filters.agentId) p.set("agent", filters.agentId);
    if (filters.action) p.set("action", filters.action);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return `/${shop}/support/audit-log${s ? `?${s}` : ""}`;
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every recorded change and support step in this shop, newest first. Personal values are never shown here.
        </p>
      </div>
      <form
        action={filterAuditLogAction.bind(null, shop)}
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
      >
        <div>
          <label htmlFor="customer" className="block text-sm font-medium text-slate-800">
            Customer (email or ID)
          </label>
          <input
            id="customer"
            name="customer"
            defaultValue={filters.customerId ?? ""}
            autoComplete="off"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm"
          />
        </div>
        <div>
          <label htmlFor="agent" className="block text-sm font-medium text-slate-800">
            Agent
          </label>
          <select
            id="agent"
            name="agent"
            defaultValue={filters.agentId ?? ""}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm"
          >
            <option value="">Anyone</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="action" className="block text-sm font-medium text-slate-800">
            Action
          </label>
          <input
            id="action"
            name="action"
            defaultValue={filters.action ?? ""}
            placeholder="e.g. impersonation.start"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "action-error" : undefined}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm aria-invalid:border-red-600"
          />
        </div>
        <div className="flex gap-3">
          <button type="submit" className="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white">
            Filter
          </button>
          {hasFilters && (
            <Link href={`/${shop}/support/audit-log`} className="self-center text-sm underline">
              Clear
            </Link>
          )}
        </div>
      </form>
      {error && (
        <p
          id="action-error"
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800"
        >
          {error}
        </p>
      )}
      {isUnknownCustomer && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          No customer of this shop has that email address.
        </p>
      )}
      {log && (
        <section aria-labelledby="events-title" className="space-y-3">
          <h2 id="events-title" className="text-lg font-semibold">
            {log.totalCount} event{log.totalCount === 1 ? "" : "s"}
            {hasFilters ? " matching the filters" : ""}
          </h2>
          {log.edges.length > 0 && (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="min-w-full text-left text-sm">
                <caption className="sr-only">Audit events, newest first</caption>
                <thead className="bg-slate-50 text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      #
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Time
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Action
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Who
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Customer
                    </th>
                    <th scope="col" className="px-3 py-2 font-semibold">
                      Details
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200 align-top">
                  {log.edges.map(({ node }) => {
                    const summary = apiKeyEventSummary(node.action, node.details, keyNames, formatTime);
                    return (
                      <tr key={node.id}>
                        <td className="px-3 py-2 tabular-nums">{node.sequence}</td>
                        <td className="whitespace-nowrap px-3 py-2">{formatTime(node.at)}</td>
                        <td className="px-3 py-2">
                          {(API_KEY_ACTIONS[node.action] ?? WEBHOOK_ACTIONS[node.action]) && (
                            <span className="block">
                              {API_KEY_ACTIONS[node.action] ?? WEBHOOK_ACTIONS[node.action]}
                            </span>
                          )}
                          <span className="font-mono text-xs">{node.action}</span>
                        </td>
                        <td className="px-3 py-2 wrap-anywhere">
                          {node.actorName ?? ACTOR_WORDS[node.actorType] ?? node.actorType}
                          {node.actorType === "PARTNER" ? (
                            <span className="block text-xs text-slate-500">partner API key</span>
                          ) : null}
                          {node.impersonationId ? (
                            <span className="block text-xs text-slate-500">in a support session</span>
                          ) : null}
                        </td>
                        <td className="px-3 py-2">
                          {node.customerId ? (
                            <span className="flex flex-col gap-1">
                              <Link href={`/${shop}/support/customers/${node.customerId}`} className="underline">
                                Open customer
                              </Link>
                              <Link href={here({ customer: node.customerId })} className="text-xs underline">
                                Only this customer
                              </Link>
                            </span>
                          ) : (
                            "—"
                          )}
                        </td>
                        <td className="px-3 py-2">
                          {summary && <p className="mb-1 max-w-md wrap-anywhere">{summary}</p>}
                          <code className="block max-w-md whitespace-pre-wrap break-all text-xs">{node.details}</code>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Audit log pages" className="flex gap-4 text-sm">
            {query.after && (
              <Link href={here({})} className="underline">
                Newest events
              </Link>
            )}
            {log.pageInfo.hasNextPage && log.pageInfo.endCursor && (
              <Link href={here({ after: log.pageInfo.endCursor })} className="underline">
                Older events
              </Link>
            )}
          </nav>
        </section>
      )}
    </div>
  );
}
