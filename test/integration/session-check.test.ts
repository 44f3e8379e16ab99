import { afterEach, describe, expect, it, vi } from "vitest";
import { revokeSession } from "@/server/auth/sign-in";
import { ANONYMOUS, NO_REQUEST, resolveSessionViewer } from "@/server/auth/viewer";
import { getDatabase, getPrisma } from "@/server/db";
import { endImpersonation } from "@/server/impersonation";
import { endAgentSession } from "@/server/impersonation/sessions";
import { agentViewer, impersonating, signedInViewer } from "../factories";

// The per-request session check (server/auth/viewer.ts). On the embedded database a
// session row read since the last completed write is reused; whatever way a session is
// ended, the next request must see it. On PostgreSQL every request reads.

const resolveCustomer = (sessionId: string) => resolveSessionViewer(sessionId, NO_REQUEST, "customer");
const resolveAgent = (sessionId: string) => resolveSessionViewer(sessionId, NO_REQUEST, "agent");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the session check", () => {
  it("reads the database once while nothing is written (embedded database), every time on PostgreSQL", async () => {
    const viewer = await signedInViewer();
    await resolveCustomer(viewer.sessionId);
    const reads = vi.spyOn(getDatabase().raw, "query");
    await resolveCustomer(viewer.sessionId);
    await resolveCustomer(viewer.sessionId);
    expect(reads).toHaveBeenCalledTimes(getDatabase().kind === "pglite" ? 0 : 2);
  });

  it("signs out at the next request a session revoked through the service, an ORM write, raw SQL or a transaction", async () => {
    const prisma = getPrisma();
    const ways: [string, (sessionId: string, customerId: string) => Promise<unknown>][] = [
      ["sign-out", (sessionId) => revokeSession({ sessionId })],
      [
        "ORM updateMany",
        (sessionId) => prisma.session.updateMany({ where: { id: sessionId }, data: { revokedAt: new Date() } }),
      ],
      [
        "raw SQL",
        (sessionId) => prisma.$executeRaw`UPDATE "Session" SET "revokedAt" = now() WHERE "id" = ${sessionId}::uuid`,
      ],
      [
        "a transaction (as erasure revokes)",
        (_sessionId, customerId) =>
          prisma.$transaction((tx) =>
            tx.session.updateMany({ where: { customerId, revokedAt: null }, data: { revokedAt: new Date() } }),
          ),
      ],
      [
        "the account deleted",
        async (_sessionId, customerId) => {
          await prisma.signInEvent.deleteMany({ where: { customerId } });
          await prisma.customer.delete({ where: { id: customerId } });
        },
      ],
      [
        "expired in the database",
        (sessionId) =>
          prisma.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1) } }),
      ],
    ];
    for (const [way, revoke] of ways) {
      const viewer = await signedInViewer();
      // Twice: the second is served from what the first read, where that applies.
      expect((await resolveCustomer(viewer.sessionId)).kind, way).toBe("customer");
      expect((await resolveCustomer(viewer.sessionId)).kind, way).toBe("customer");
      await revoke(viewer.sessionId, viewer.customerId);
      expect(await resolveCustomer(viewer.sessionId), way).toEqual(ANONYMOUS);
    }
  });

  it("signs out a session whose time ran out, with no write in between", async () => {
    const viewer = await signedInViewer();
    await getPrisma().session.update({
      where: { id: viewer.sessionId },
      data: { expiresAt: new Date(Date.now() + 1200) },
    });
    expect((await resolveCustomer(viewer.sessionId)).kind).toBe("customer");
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(await resolveCustomer(viewer.sessionId)).toEqual(ANONYMOUS);
  });

  it("drops an agent's support session at the next request however it ends, and the agent when signed out or disabled", async () => {
    const prisma = getPrisma();
    const customer = await signedInViewer();

    const ended = await impersonating(await agentViewer(), customer.customerId);
    expect((await resolveAgent(ended.sessionId)).subjectId).toBe(customer.customerId);
    await endImpersonation({ viewer: ended });
    expect(await resolveAgent(ended.sessionId)).toMatchObject({ kind: "agent", impersonation: null, subjectId: null });

    const expiring = await impersonating(await agentViewer(), customer.customerId);
    expect((await resolveAgent(expiring.sessionId)).subjectId).toBe(customer.customerId);
    await prisma.impersonation.update({
      where: { id: expiring.impersonation?.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await resolveAgent(expiring.sessionId)).toMatchObject({ impersonation: null, subjectId: null });

    const signedOut = await impersonating(await agentViewer(), customer.customerId);
    expect((await resolveAgent(signedOut.sessionId)).kind).toBe("agent");
    await endAgentSession({ sessionId: signedOut.sessionId });
    expect(await resolveAgent(signedOut.sessionId)).toEqual(ANONYMOUS);

    const disabled = await impersonating(await agentViewer(), customer.customerId);
    expect((await resolveAgent(disabled.sessionId)).kind).toBe("agent");
    await prisma.agent.update({ where: { id: disabled.agent.id }, data: { disabledAt: new Date() } });
    expect(await resolveAgent(disabled.sessionId)).toEqual(ANONYMOUS);
  });
});
