import "server-only";
import { getPrisma } from "../db";
import { findShop } from "../tenants";
import { verifyPassword } from "./password";
import { credentialsSchema } from "./sign-in";
import { clearFailures, isThrottled, recordFailure, throttleKeys } from "./throttle";
import type { RequestMeta } from "./viewer";

// Support staff sign in to their shop's console with their own accounts and sessions
// (AgentSession), separate from customers'; failures count toward the same lock-out
// (under a key of their own, so a customer and an agent sharing an address do not lock
// each other out).

export const AGENT_SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export type AgentSignInResult =
  | { ok: true; agentId: string; sessionId: string; shopHandle: string }
  | { ok: false; reason: "INVALID_CREDENTIALS" | "RATE_LIMITED" };

export async function signInAgent(input: unknown, request: RequestMeta): Promise<AgentSignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "INVALID_CREDENTIALS" };
  const { email, password } = parsed.data;
  const shop = await findShop({ handle: parsed.data.shop });
  if (!shop) {
    await verifyPassword(password, null);
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  const keys = throttleKeys(shop.id, `agent:${email}`, request.ip);
  if (await isThrottled(keys)) return { ok: false, reason: "RATE_LIMITED" };
  const prisma = getPrisma();
  const agent = await prisma.agent.findUnique({
    where: { shopId_email: { shopId: shop.id, email } },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const isValid = await verifyPassword(password, agent?.passwordHash);
  if (!agent || !isValid || agent.disabledAt) {
    await recordFailure(keys);
    return { ok: false, reason: "INVALID_CREDENTIALS" };
  }
  const session = await prisma.agentSession.create({
    data: {
      agentId: agent.id,
      expiresAt: new Date(Date.now() + AGENT_SESSION_MAX_AGE_SECONDS * 1000),
      ip: request.ip,
      userAgent: request.userAgent,
    },
    select: { id: true },
  });
  await clearFailures(keys);
  return { ok: true, agentId: agent.id, sessionId: session.id, shopHandle: shop.handle };
}
