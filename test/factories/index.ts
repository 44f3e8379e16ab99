import { randomUUID } from "node:crypto";
import { hashPassword } from "@/server/auth/password";
import {
  type AgentViewer,
  type CustomerViewer,
  customerViewer,
  NO_REQUEST,
  resolveSessionViewer,
} from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { findShop, type ShopRef } from "@/server/tenants";

export const TEST_PASSWORD = "test-password-123";
let passwordHash: Promise<string> | undefined;

export async function shop(handle = "almaz"): Promise<ShopRef> {
  const found = await findShop({ handle });
  if (!found) throw new Error(`no shop ${handle}`);
  return found;
}

export function uniqueEmail(prefix = "customer"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
}

// A customer with a password and no history; for rich histories use the seed's
// createCustomerWithHistory.
export async function createCustomer(options: { shop?: string; email?: string; firstName?: string } = {}) {
  const s = await shop(options.shop);
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return getPrisma().customer.create({
    data: {
      shopId: s.id,
      email: options.email ?? uniqueEmail(),
      passwordHash: await passwordHash,
      firstName: options.firstName ?? "Ana",
      lastName: "Popescu",
    },
  });
}

// A signed-in viewer with a real Session row, as the cookie would give.
export async function signedInViewer(options: { shop?: string; email?: string } = {}): Promise<CustomerViewer> {
  const customer = await createCustomer(options);
  const session = await getPrisma().session.create({
    data: { customerId: customer.id, expiresAt: new Date(Date.now() + 3600_000) },
  });
  return customerViewer({
    shop: await shop(options.shop),
    customerId: customer.id,
    sessionId: session.id,
    authenticatedAt: session.authenticatedAt,
  });
}

// A signed-in customer with years of realistic history (the demo seed's generator).
export async function viewerWithHistory(
  options: { shop?: string; orderCount?: number; isDemo?: boolean; seed?: string; now?: Date; email?: string } = {},
): Promise<CustomerViewer> {
  const { createCustomerWithHistory } = await import("@/prisma/seed/index");
  const s = await shop(options.shop);
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const customerId = await createCustomerWithHistory(getPrisma(), {
    shopId: s.id,
    profile: s.profile,
    // The generated history depends on the address too: a fixed one (with a fixed seed
    // and now) gives the same history on every run.
    email: options.email ?? uniqueEmail("history"),
    orderCount: options.orderCount,
    isDemo: options.isDemo,
    seed: options.seed ?? randomUUID(),
    passwordHash: await passwordHash,
    // A fixed "now" makes the generated history the same on every run.
    now: options.now,
  });
  const session = await getPrisma().session.create({
    data: { customerId, expiresAt: new Date(Date.now() + 3600_000) },
  });
  return customerViewer({ shop: s, customerId, sessionId: session.id, authenticatedAt: session.authenticatedAt });
}

// A signed-in support agent of a shop, with a real AgentSession row, as the cookie would
// give (server/auth/viewer.ts resolves the same shape).
export async function agentViewer(
  options: { shop?: string; role?: "SUPPORT" | "PRIVACY_OFFICER"; email?: string } = {},
): Promise<AgentViewer> {
  const s = await shop(options.shop);
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const role = options.role ?? "SUPPORT";
  const agent = await getPrisma().agent.create({
    data: {
      shopId: s.id,
      email: options.email ?? uniqueEmail("agent"),
      displayName: role === "SUPPORT" ? "Sam from support" : "Dana, privacy officer",
      role,
      passwordHash: await passwordHash,
    },
    select: { id: true, email: true, displayName: true, role: true },
  });
  const session = await getPrisma().agentSession.create({
    data: { agentId: agent.id, expiresAt: new Date(Date.now() + 3600_000) },
  });
  return {
    kind: "agent",
    shop: s,
    agent,
    sessionId: session.id,
    impersonation: null,
    subjectId: null,
    request: NO_REQUEST,
  };
}

// The same agent acting in a customer's account, through the real service (reason,
// ticket, permission and audit as in the console); the viewer is then resolved from the
// agent's session as a request would resolve it.
export async function impersonating(agent: AgentViewer, customerId: string): Promise<AgentViewer> {
  const { startImpersonation } = await import("@/server/impersonation");
  await startImpersonation({
    viewer: agent,
    input: { customerId, reason: "The customer asked us to fix their address", ticket: "T-1001" },
  });
  const resolved = await resolveSessionViewer(agent.sessionId, agent.request, "agent");
  if (resolved.kind !== "agent" || !resolved.impersonation) throw new Error("impersonation did not start");
  return resolved;
}
