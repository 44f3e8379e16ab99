import "server-only";
import { z } from "zod";
import { getPrisma } from "../db";
import { findShop, type ShopRef } from "../tenants";
import { verifyPassword } from "./password";
import { clearFailures, isThrottled, recordFailure, throttleKeys } from "./throttle";
import type { RequestMeta } from "./viewer";

export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

export const credentialsSchema = z.object({
  shop: z.string().min(1).max(64),
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export type SignInResult = { ok: true; customerId: string; sessionId: string; shopHandle: string } | SignInFailure;

// Email + password sign-in for one shop. Every failure looks the same from outside
// (no account enumeration); repeated failures lock the account key and the client.
type SignInFailure = { ok: false; reason: "INVALID_CREDENTIALS" | "RATE_LIMITED" };

// What every sign-in (customers', support staff's) does first: the input, the shop (an
// unknown one costs a password check too, so it cannot be told apart by time) and the
// lock-out, counted per account key (`accountPrefix` keeps kinds of account apart) and
// per client.
export async function beginSignIn(
  input: unknown,
  client: RequestMeta,
  accountPrefix = "",
): Promise<{ ok: true; shop: ShopRef; email: string; password: string; keys: string[] } | SignInFailure> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID_CREDENTIALS" };
  const { email, password } = parsed.data;
  const shop = await findShop({ handle: parsed.data.shop });
  if (!shop) {
    await verifyPassword(password, null);
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  const keys = throttleKeys(shop.id, `${accountPrefix}${email}`, client.ip);
  if (await isThrottled(keys)) return { ok: false, reason: "RATE_LIMITED" };
  return { ok: true, shop, email, password, keys };
}

export async function signInWithPassword(input: unknown, client: RequestMeta): Promise<SignInResult> {
  const begun = await beginSignIn(input, client);
  if (!begun.ok) return begun;
  const { shop, email, password, keys } = begun;

  const prisma = getPrisma();
  const customer = await prisma.customer.findUnique({
    where: { shopId_email: { shopId: shop.id, email } },
    select: { id: true, passwordHash: true },
  });
  const isValid = await verifyPassword(password, customer?.passwordHash);
  if (!customer || !isValid) {
    await recordFailure(keys);
    if (customer) {
      await prisma.signInEvent.create({
        data: {
          shopId: shop.id,
          customerId: customer.id,
          method: "password",
          isSuccessful: false,
          ip: client.ip,
          userAgent: client.userAgent,
        },
      });
    }
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }

  const now = new Date();
  const session = await prisma.$transaction(async (tx) => {
    const created = await tx.session.create({
      data: {
        customerId: customer.id,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
        ip: client.ip,
        userAgent: client.userAgent,
      },
      select: { id: true },
    });
    await tx.signInEvent.create({
      data: {
        shopId: shop.id,
        customerId: customer.id,
        method: "password",
        isSuccessful: true,
        ip: client.ip,
        userAgent: client.userAgent,
      },
    });
    return created;
  });
  await clearFailures(keys);
  return { ok: true, customerId: customer.id, sessionId: session.id, shopHandle: shop.handle };
}

export async function revokeSession(options: { sessionId: string }): Promise<void> {
  await getPrisma().session.updateMany({
    where: { id: options.sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
