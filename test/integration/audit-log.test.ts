import { beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "@/graphql/global-id";
import { listAuditEvents } from "@/server/audit/log";
import type { AgentViewer, CustomerViewer } from "@/server/auth/viewer";
import { isAppError } from "@/server/errors";
import { agentViewer, createCustomer, impersonating, signedInViewer } from "../factories";
import { gql } from "../support/graphql";

// The shop's audit log: privacy officers of the shop only; never another shop's rows,
// never the personal values kept apart from the chain.

const AUDIT_LOG = `
  query AuditLog($customerId: ID, $customerEmail: String, $agentId: ID, $action: String, $first: Int, $after: String) {
    auditLog(customerId: $customerId, customerEmail: $customerEmail, agentId: $agentId, action: $action, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id sequence at action actorType actorName agentId customerId impersonationId details } }
    }
  }
`;

type Node = {
  sequence: number;
  action: string;
  actorType: string;
  actorName: string | null;
  agentId: string | null;
  customerId: string | null;
  impersonationId: string | null;
  details: string;
};
type Result = {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
};

let officer: AgentViewer;
let support: AgentViewer;
let customer: { id: string; email: string };
let other: { id: string; email: string };
let otherShopCustomer: { id: string };
let customerViewer: CustomerViewer;

async function log(viewer: AgentViewer, variables: Record<string, unknown> = {}) {
  const result = await gql(AUDIT_LOG, variables, viewer);
  expect(result.errors).toBeUndefined();
  return (result.data as Result).auditLog;
}

beforeAll(async () => {
  officer = await agentViewer({ role: "PRIVACY_OFFICER" });
  support = await agentViewer({ role: "SUPPORT" });
  customer = await createCustomer({ firstName: "Ioana" });
  other = await createCustomer({ firstName: "Mihai" });
  otherShopCustomer = await createCustomer({ shop: "allegra" });
  customerViewer = await signedInViewer();
  // Support acts in one account; another shop's agent acts in its own customer's.
  await impersonating(support, customer.id);
  await impersonating(officer, other.id);
  await impersonating(await agentViewer({ shop: "allegra" }), otherShopCustomer.id);
});

describe("auditLog", () => {
  it("shows the privacy officer their own shop's events, newest first", async () => {
    const page = await log(officer, { first: 100 });
    expect(page.totalCount).toBeGreaterThan(0);
    const sequences = page.edges.map((e) => e.node.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    const customers = new Set(page.edges.map((e) => e.node.customerId));
    expect(customers.has(toGlobalId("Customer", otherShopCustomer.id))).toBe(false);
    const start = page.edges.find(
      (e) => e.node.action === "impersonation.start" && e.node.customerId === toGlobalId("Customer", customer.id),
    );
    expect(start?.node.actorType).toBe("AGENT");
    expect(start?.node.actorName).toBe("Sam from support");
    expect(start?.node.agentId).toBe(toGlobalId("Agent", support.agent.id));
    expect(start?.node.impersonationId).toBeTruthy();
    expect(JSON.parse(start?.node.details ?? "null")).toHaveProperty("expiresAt");
  });

  it("never shows another shop's events, whatever the filter", async () => {
    const page = await log(officer, { customerId: toGlobalId("Customer", otherShopCustomer.id) });
    expect(page.totalCount).toBe(0);
    expect(page.edges).toEqual([]);
  });

  it("filters by customer id, customer email, agent and action", async () => {
    const byId = await log(officer, { customerId: toGlobalId("Customer", customer.id) });
    expect(byId.edges.length).toBeGreaterThan(0);
    expect(byId.edges.every((e) => e.node.customerId === toGlobalId("Customer", customer.id))).toBe(true);

    const byEmail = await log(officer, { customerEmail: customer.email.toUpperCase() });
    expect(byEmail.edges.map((e) => e.node.sequence)).toEqual(byId.edges.map((e) => e.node.sequence));
    expect((await log(officer, { customerEmail: "nobody@test.example" })).totalCount).toBe(0);

    const byAgent = await log(officer, { agentId: toGlobalId("Agent", support.agent.id) });
    expect(byAgent.edges.length).toBeGreaterThan(0);
    expect(byAgent.edges.every((e) => e.node.agentId === toGlobalId("Agent", support.agent.id))).toBe(true);

    const byAction = await log(officer, {
      action: "impersonation.start",
      agentId: toGlobalId("Agent", officer.agent.id),
    });
    expect(byAction.totalCount).toBe(1);
    expect(byAction.edges[0]?.node.customerId).toBe(toGlobalId("Customer", other.id));

    const wrongType = await log(officer, { customerId: toGlobalId("Agent", support.agent.id) });
    expect(wrongType.totalCount).toBe(0);
  });

  it("pages with first and after without repeating rows", async () => {
    const first = await log(officer, { first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await log(officer, { first: 1, after: first.pageInfo.endCursor });
    const a = first.edges.map((e) => e.node.sequence);
    const b = second.edges.map((e) => e.node.sequence);
    expect(b.length).toBe(1);
    expect(Math.max(...b)).toBeLessThan(Math.min(...a));
  });

  it("refuses a support agent, a customer and the signed out", async () => {
    for (const viewer of [support, customerViewer, undefined]) {
      const result = await gql(AUDIT_LOG, {}, viewer);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
    await expect(listAuditEvents({ viewer: support })).rejects.toSatisfy(
      (e: unknown) => isAppError(e) && e.code === "FORBIDDEN",
    );
    const agents = await gql("{ auditLogAgents { id } }", {}, support);
    expect(agents.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses the privacy officer of another shop the first shop's rows", async () => {
    const foreign = await agentViewer({ shop: "allegra", role: "PRIVACY_OFFICER" });
    const page = await log(foreign, { first: 100 });
    const customers = new Set(page.edges.map((e) => e.node.customerId));
    expect(customers.has(toGlobalId("Customer", customer.id))).toBe(false);
    expect(customers.has(toGlobalId("Customer", otherShopCustomer.id))).toBe(true);
    expect((await log(foreign, { customerId: toGlobalId("Customer", customer.id) })).totalCount).toBe(0);
    expect((await log(foreign, { customerEmail: customer.email })).totalCount).toBe(0);
  });

  it("lists the shop's agents for the filter, to privacy officers only", async () => {
    const result = await gql("{ auditLogAgents { id displayName role } }", {}, officer);
    const ids = (result.data as { auditLogAgents: { id: string }[] }).auditLogAgents.map((a) => a.id);
    expect(ids).toContain(toGlobalId("Agent", support.agent.id));
  });
});
