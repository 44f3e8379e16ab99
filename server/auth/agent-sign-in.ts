import "server-only";
import { getPrisma } from "../db";
import { verifyPassword } from "./password";
import { beginSignIn } from "./sign-in";
import { clearFailures, recordFailure } from "./throttle";
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
  const begun = await beginSignIn(input, request, "agent:");
  if (!begun.ok) return begun;
  const { shop, email, password, keys } = begun;
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
