import { randomUUID } from "node:crypto";
import { hashPassword } from "@/server/auth/password";
import type { CustomerViewer } from "@/server/auth/viewer";
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
  return {
    kind: "customer",
    shop: await shop(options.shop),
    customerId: customer.id,
    sessionId: session.id,
    authenticatedAt: session.authenticatedAt,
  };
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
  return { kind: "customer", shop: s, customerId, sessionId: session.id, authenticatedAt: session.authenticatedAt };
}
