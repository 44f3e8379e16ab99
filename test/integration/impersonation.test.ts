import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { viewerFromRequest } from "@/graphql/context";
import { toGlobalId } from "@/graphql/global-id";
import { SESSION_COOKIE } from "@/server/auth/options";
import { type AgentViewer, type CustomerViewer, NO_REQUEST, resolveSessionViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { endImpersonation } from "@/server/impersonation";
import { endAgentSession, expireImpersonations } from "@/server/impersonation/sessions";
import { agentViewer, impersonating, signedInViewer } from "../factories";
import { gql } from "../support/graphql";

// Support sessions (DESIGN.md, "Who acts for whom"): an agent acts in a customer's
// account only for a stated reason and ticket, in their own shop, for a limited time;
// every refusal is audited and nothing starts.

const SECRET = "impersonation-test-secret-0123456789abcdef";
const REASON = "The customer asked us to fix their address";

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const START = `mutation Start($input: ImpersonationStartInput!) {
  impersonationStart(input: $input) {
    impersonation { id reason ticket customer { email } }
    userErrors { field code message }
  }
}`;

type StartPayload = {
  impersonation: { id: string; reason: string; ticket: string; customer: { email: string } | null } | null;
  userErrors: { field: string[] | null; code: string; message: string }[];
};

async function start(agent: AgentViewer, input: { customerId: string; reason?: unknown; ticket?: unknown }) {
  const result = await gql(START, { input }, agent);
  expect(result.errors).toBeUndefined();
  return result.data?.impersonationStart as StartPayload;
}

const refusals = (agent: AgentViewer) =>
  getPrisma().auditEvent.count({ where: { actorId: agent.agent.id, action: "impersonation.refused" } });
const sessionsOf = (agent: AgentViewer) => getPrisma().impersonation.count({ where: { agentId: agent.agent.id } });

describe("starting a support session", () => {
  let agent: AgentViewer;
  let customer: CustomerViewer;
  let foreign: CustomerViewer;

  beforeAll(async () => {
    agent = await agentViewer();
    customer = await signedInViewer();
    foreign = await signedInViewer({ shop: "allegra" });
  });

  const gid = (id: string) => toGlobalId("Customer", id);

  it.each([
    ["an empty reason", { reason: "", ticket: "T-1" }, "INVALID_INPUT"],
    ["a short reason", { reason: "too short", ticket: "T-1" }, "INVALID_INPUT"],
    ["a reason of blanks", { reason: "             ", ticket: "T-1" }, "INVALID_INPUT"],
    ["no ticket", { reason: REASON, ticket: "" }, "INVALID_INPUT"],
    ["a reason with a NUL byte", { reason: `${REASON}\u0000`, ticket: "T-1" }, "INVALID_INPUT"],
    ["a reason with a lone surrogate", { reason: `${REASON}\uD800`, ticket: "T-1" }, "INVALID_INPUT"],
    ["a 100,000-character reason", { reason: "x".repeat(100_000), ticket: "T-1" }, "INVALID_INPUT"],
    ["a ticket with a NUL byte", { reason: REASON, ticket: "T-\u00001" }, "INVALID_INPUT"],
  ])("refuses %s: a userError, nothing started, the attempt audited", async (_name, input, code) => {
    const [refusedBefore, sessionsBefore] = [await refusals(agent), await sessionsOf(agent)];
    const payload = await start(agent, { customerId: gid(customer.customerId), ...input });
    expect(payload.impersonation).toBeNull();
    expect(payload.userErrors.length).toBeGreaterThan(0);
    expect(payload.userErrors.map((e) => e.code)).toContain(code);
    expect(await sessionsOf(agent)).toBe(sessionsBefore);
    expect(await refusals(agent)).toBe(refusedBefore + 1);
    const latest = await getPrisma().auditEvent.findFirstOrThrow({
      where: { actorId: agent.agent.id, action: "impersonation.refused" },
      orderBy: { sequence: "desc" },
    });
    expect(latest).toMatchObject({ actorType: "AGENT", impersonationId: null });
    expect(latest.details).toMatchObject({ attempted: "impersonation.start", reason: "INVALID_INPUT" });
    // The reason text is never written to the audit trail.
    expect(JSON.stringify(latest.details)).not.toContain("x".repeat(20));
  });

  it.each([
    ["an unknown customer id", () => gid(randomUUID())],
    ["a customer of another shop", () => gid(foreign.customerId)],
    ["a malformed id", () => "not-a-global-id"],
  ])("refuses %s: a userError, nothing started, the attempt audited", async (_name, id) => {
    const [refusedBefore, sessionsBefore] = [await refusals(agent), await sessionsOf(agent)];
    const payload = await start(agent, { customerId: id(), reason: REASON, ticket: "T-2" });
    expect(payload.impersonation).toBeNull();
    expect(["NOT_FOUND", "INVALID_INPUT"]).toContain(payload.userErrors[0]?.code);
    expect(await sessionsOf(agent)).toBe(sessionsBefore);
    expect(await refusals(agent)).toBe(refusedBefore + 1);
    expect(await getPrisma().impersonation.count({ where: { customerId: foreign.customerId } })).toBe(0);
  });

  it("starts with a reason of at least 10 characters and a ticket, and emails the customer", async () => {
    const before = new Date(Date.now() - 1000);
    const payload = await start(agent, { customerId: gid(customer.customerId), reason: REASON, ticket: "T-3" });
    expect(payload.userErrors).toEqual([]);
    expect(payload.impersonation).toMatchObject({ reason: REASON, ticket: "T-3" });
    const customerRow = await getPrisma().customer.findUniqueOrThrow({ where: { id: customer.customerId } });
    expect(payload.impersonation?.customer?.email).toBe(customerRow.email);
    const mail = await getPrisma().outboundEmail.findMany({
      where: { customerId: customer.customerId, kind: "support-session-started", createdAt: { gte: before } },
    });
    expect(mail).toHaveLength(1);
    expect(mail[0]?.toAddress).toBe(customerRow.email);
    expect(mail[0]?.textBody).toContain(REASON);
    expect(mail[0]?.textBody).toContain("T-3");
    const started = await getPrisma().auditEvent.findFirstOrThrow({
      where: { customerId: customer.customerId, action: "impersonation.start" },
    });
    expect(started).toMatchObject({ actorType: "AGENT", actorId: agent.agent.id });
    await endAgentSession({ sessionId: agent.sessionId });
  });
});

describe("shops and roles", () => {
  it("refuses customers: impersonationStart and supportCustomers are for agents", async () => {
    const customer = await signedInViewer();
    const other = await signedInViewer();
    const email = (await getPrisma().customer.findUniqueOrThrow({ where: { id: other.customerId } })).email;
    const payload = (
      await gql(
        START,
        { input: { customerId: toGlobalId("Customer", other.customerId), reason: REASON, ticket: "T" } },
        customer,
      )
    ).data?.impersonationStart as StartPayload;
    expect(payload.impersonation).toBeNull();
    expect(payload.userErrors[0]?.code).toBe("FORBIDDEN");
    expect(await getPrisma().impersonation.count({ where: { customerId: other.customerId } })).toBe(0);

    const search = await gql(
      `query($q: String!) { supportCustomers(query: $q) { totalCount edges { node { email } } } }`,
      { q: email },
      customer,
    );
    expect(search.data).toBeNull();
    expect(search.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(search)).not.toContain(email);

    const anonymous = await gql(`query($q: String!) { supportCustomers(query: $q) { totalCount } }`, { q: email });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("an agent of shop A can neither find nor impersonate a customer of shop B", async () => {
    const agent = await agentViewer({ shop: "almaz" });
    const foreign = await signedInViewer({ shop: "allegra" });
    const row = await getPrisma().customer.findUniqueOrThrow({ where: { id: foreign.customerId } });
    const search = await gql(
      `query($q: String!) { supportCustomers(query: $q) { totalCount edges { node { id email } } } }`,
      { q: row.email },
      agent,
    );
    expect(search.errors).toBeUndefined();
    expect(search.data?.supportCustomers).toEqual({ totalCount: 0, edges: [] });
    const byName = await gql(
      `query($q: String!) { supportCustomers(query: $q) { edges { node { email } } } }`,
      { q: row.firstName },
      agent,
    );
    expect(JSON.stringify(byName)).not.toContain(row.email);
    const one = await gql(
      `query($id: ID!) { supportCustomer(id: $id) { email } }`,
      { id: toGlobalId("Customer", row.id) },
      agent,
    );
    expect(one.data?.supportCustomer).toBeNull();
    const payload = (
      await gql(START, { input: { customerId: toGlobalId("Customer", row.id), reason: REASON, ticket: "T-9" } }, agent)
    ).data?.impersonationStart as StartPayload;
    expect(payload.impersonation).toBeNull();
    expect(payload.userErrors[0]?.code).toBe("NOT_FOUND");
    expect(await getPrisma().impersonation.count({ where: { customerId: row.id } })).toBe(0);
    // The same search in the customer's own shop finds them (the search works at all).
    const own = await agentViewer({ shop: "allegra" });
    const found = await gql(`query($q: String!) { supportCustomers(query: $q) { totalCount } }`, { q: row.email }, own);
    expect(found.data?.supportCustomers).toEqual({ totalCount: 1 });
  });
});

describe("how a support session ends", () => {
  const session = (id: string) => getPrisma().impersonation.findUniqueOrThrow({ where: { id } });

  it("stops acting at once when its time is up, and the sweep records EXPIRED", async () => {
    const customer = await signedInViewer();
    const acting = await impersonating(await agentViewer(), customer.customerId);
    const id = acting.impersonation?.id as string;
    const past = new Date(Date.now() - 60_000);
    await getPrisma().impersonation.update({ where: { id }, data: { expiresAt: past } });

    const viewer = await resolveSessionViewer(acting.sessionId, NO_REQUEST, "agent");
    expect(viewer.kind).toBe("agent");
    if (viewer.kind !== "agent") return;
    expect(viewer.impersonation).toBeNull();
    expect(viewer.subjectId).toBeNull();

    const email = (await getPrisma().customer.findUniqueOrThrow({ where: { id: customer.customerId } })).email;
    const read = await gql(`{ viewer { customer { id email addresses { id } consents { state } } } }`, {}, viewer);
    expect(read.data?.viewer).toEqual({ customer: null });
    expect(JSON.stringify(read)).not.toContain(email);
    const write = await gql(
      `mutation { customerUpdate(input: { firstName: "Expired" }) { customer { firstName } userErrors { code } } }`,
      {},
      viewer,
    );
    expect(write.data?.customerUpdate).toEqual({ customer: null, userErrors: [{ code: "FORBIDDEN" }] });
    expect((await getPrisma().customer.findUniqueOrThrow({ where: { id: customer.customerId } })).firstName).toBe(
      "Ana",
    );
    // The refusal names the missing session.
    const refusal = await getPrisma().auditEvent.findFirstOrThrow({
      where: { actorId: acting.agent.id, action: "impersonation.refused" },
      orderBy: { sequence: "desc" },
    });
    expect(refusal.details).toMatchObject({ attempted: "account.update", reason: "NO_SESSION" });

    expect(await expireImpersonations()).toBeGreaterThanOrEqual(1);
    const ended = await session(id);
    expect(ended.endReason).toBe("EXPIRED");
    expect(ended.endedAt?.getTime()).toBe(past.getTime());
    const audit = await getPrisma().auditEvent.findFirstOrThrow({
      where: { impersonationId: id, action: "impersonation.end" },
    });
    expect(audit).toMatchObject({ actorType: "SYSTEM", details: { reason: "EXPIRED" } });
  });

  it("impersonationEnd ends it (ENDED) and the agent is back in the console", async () => {
    const customer = await signedInViewer();
    const acting = await impersonating(await agentViewer(), customer.customerId);
    const result = await gql(
      `mutation { impersonationEnd { impersonation { endReason endedAt } userErrors { code } } }`,
      {},
      acting,
    );
    expect(result.data?.impersonationEnd).toMatchObject({ impersonation: { endReason: "ENDED" }, userErrors: [] });
    expect((await session(acting.impersonation?.id as string)).endReason).toBe("ENDED");
    const back = await resolveSessionViewer(acting.sessionId, NO_REQUEST, "agent");
    expect(back.kind === "agent" && back.impersonation).toBeNull();
    // Nothing left to end.
    const again = await gql(`mutation { impersonationEnd { impersonation { id } userErrors { code } } }`, {}, back);
    expect(again.data?.impersonationEnd).toEqual({ impersonation: null, userErrors: [{ code: "NOT_FOUND" }] });
  });

  it("signing out of the console ends it (SIGNED_OUT) and the session no longer resolves", async () => {
    const customer = await signedInViewer();
    const acting = await impersonating(await agentViewer(), customer.customerId);
    await endAgentSession({ sessionId: acting.sessionId });
    expect((await session(acting.impersonation?.id as string)).endReason).toBe("SIGNED_OUT");
    expect((await resolveSessionViewer(acting.sessionId, NO_REQUEST, "agent")).kind).toBe("anonymous");
  });

  it("a session whose time ran out is recorded as EXPIRED at its expiry, however it is closed", async () => {
    const past = new Date(Date.now() - 3600_000);
    // Signing out an hour after the session ran out.
    const signOut = await impersonating(await agentViewer(), (await signedInViewer()).customerId);
    await getPrisma().impersonation.update({ where: { id: signOut.impersonation?.id }, data: { expiresAt: past } });
    await endAgentSession({ sessionId: signOut.sessionId });
    expect(await session(signOut.impersonation?.id as string)).toMatchObject({ endReason: "EXPIRED", endedAt: past });
    // Starting another session an hour after the first ran out.
    const agent = await agentViewer();
    const first = await impersonating(agent, (await signedInViewer()).customerId);
    await getPrisma().impersonation.update({ where: { id: first.impersonation?.id }, data: { expiresAt: past } });
    const next = await impersonating(agent, (await signedInViewer()).customerId);
    expect(await session(first.impersonation?.id as string)).toMatchObject({ endReason: "EXPIRED", endedAt: past });
    await endImpersonation({ viewer: next });
  });

  it("starting a second session ends the first (REPLACED)", async () => {
    const [first, second] = [await signedInViewer(), await signedInViewer()];
    const agent = await agentViewer();
    const acting = await impersonating(agent, first.customerId);
    const next = await impersonating(agent, second.customerId);
    expect(next.impersonation?.customerId).toBe(second.customerId);
    expect((await session(acting.impersonation?.id as string)).endReason).toBe("REPLACED");
    expect(await getPrisma().impersonation.count({ where: { agentSessionId: agent.sessionId, endedAt: null } })).toBe(
      1,
    );
    await endImpersonation({ viewer: next });
  });
});

describe("forged agent cookies", () => {
  const cookieJar = (value: string) => ({
    get: (name: string) => (name === SESSION_COOKIE ? { value } : undefined),
  });
  const headers = { get: (_name: string) => null };
  const cookie = (token: Record<string, unknown>, secret = SECRET) => encode({ token, secret });

  it("a genuine agent cookie resolves to the agent (the control)", async () => {
    const agent = await agentViewer();
    const viewer = await viewerFromRequest(cookieJar(await cookie({ sid: agent.sessionId, kind: "agent" })), headers);
    expect(viewer.kind).toBe("agent");
  });

  it.each([
    ["a random session id", async () => ({ sid: randomUUID(), kind: "agent" })],
    ["a customer's session id", async () => ({ sid: (await signedInViewer()).sessionId, kind: "agent" })],
    ["an agent's session id without the agent kind", async () => ({ sid: (await agentViewer()).sessionId })],
    ["a non-UUID session id", async () => ({ sid: "' OR 1=1 --", kind: "agent" })],
  ])("%s yields an anonymous viewer", async (_name, claims) => {
    const viewer = await viewerFromRequest(cookieJar(await cookie(await claims())), headers);
    expect(viewer.kind).toBe("anonymous");
  });

  it("a cookie signed with another secret yields an anonymous viewer", async () => {
    const agent = await agentViewer();
    const forged = await cookie({ sid: agent.sessionId, kind: "agent" }, "another-secret-0123456789abcdefghijklmnop");
    expect((await viewerFromRequest(cookieJar(forged), headers)).kind).toBe("anonymous");
  });
});
