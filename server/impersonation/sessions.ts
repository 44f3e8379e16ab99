import "server-only";
import { recordAuditEvent } from "../audit";
import { getPrisma, type Prisma } from "../db";
import { queueWebhookEvent } from "../webhooks/events";

// How support sessions end, in one place: by the agent, on sign-out, at expiry, or when
// the customer withdraws their permission.
export type EndReason = "ENDED" | "SIGNED_OUT" | "EXPIRED" | "REVOKED" | "REPLACED";

type OpenSession = { id: string; shopId: string; agentId: string; customerId: string; expiresAt: Date };

export async function endImpersonations(
  tx: Prisma.TransactionClient,
  sessions: OpenSession[],
  requested: EndReason,
  now = new Date(),
): Promise<void> {
  for (const session of sessions) {
    // A session whose time ran out ended then, however and whenever this is written down
    // (the agent signing out or starting another session an hour later included): the
    // customer's access log must not show it lasting longer than it could.
    const hasExpired = session.expiresAt <= now;
    const reason = hasExpired ? "EXPIRED" : requested;
    const { count } = await tx.impersonation.updateMany({
      where: { id: session.id, endedAt: null },
      data: { endedAt: hasExpired ? session.expiresAt : now, endReason: reason },
    });
    if (count === 0) continue;
    await recordAuditEvent(tx, {
      shopId: session.shopId,
      customerId: session.customerId,
      actorType: reason === "REVOKED" ? "CUSTOMER" : reason === "EXPIRED" ? "SYSTEM" : "AGENT",
      actorId: reason === "REVOKED" ? session.customerId : reason === "EXPIRED" ? null : session.agentId,
      impersonationId: session.id,
      action: "impersonation.end",
      details: { reason },
    });
    await queueWebhookEvent(tx, {
      shopId: session.shopId,
      customerId: session.customerId,
      type: "customer.support_session",
      data: { sessionId: session.id, state: "ENDED", reason },
    });
  }
}

const openSelect = { id: true, shopId: true, agentId: true, customerId: true, expiresAt: true } as const;

// Signing out of the console ends the browser's session and its support session.
export async function endAgentSession(options: { sessionId: string }): Promise<void> {
  const now = new Date();
  await getPrisma().$transaction(async (tx) => {
    await tx.agentSession.updateMany({ where: { id: options.sessionId, revokedAt: null }, data: { revokedAt: now } });
    const open = await tx.impersonation.findMany({
      where: { agentSessionId: options.sessionId, endedAt: null },
      select: openSelect,
    });
    await endImpersonations(tx, open, "SIGNED_OUT", now);
  });
}

// Records the end of support sessions whose time ran out (they stopped acting at once:
// the viewer ignores an expired session; this writes it down).
export async function expireImpersonations(now = new Date()): Promise<number> {
  return getPrisma().$transaction(async (tx) => {
    const expired = await tx.impersonation.findMany({
      where: { endedAt: null, expiresAt: { lte: now } },
      select: openSelect,
      take: 500,
    });
    await endImpersonations(tx, expired, "EXPIRED", now);
    return expired.length;
  });
}
