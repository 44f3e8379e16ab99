import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/auth/sign-in";
import { THROTTLE } from "@/server/auth/throttle";
import { ANONYMOUS, resolveSessionViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { createCustomer, TEST_PASSWORD, uniqueEmail } from "../factories";

const client = { ip: "198.51.100.7", userAgent: "vitest", source: "web" as const };

describe("password sign-in", () => {
  it("signs in with the right password, opening a session and recording the sign-in", async () => {
    const customer = await createCustomer();
    const result = await signInWithPassword(
      { shop: "almaz", email: customer.email.toUpperCase(), password: TEST_PASSWORD },
      client,
    );
    expect(result).toMatchObject({ ok: true, customerId: customer.id, shopHandle: "almaz" });
    if (!result.ok) return;
    const session = await getPrisma().session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.customerId).toBe(customer.id);
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const events = await getPrisma().signInEvent.findMany({ where: { customerId: customer.id } });
    expect(events).toEqual([expect.objectContaining({ isSuccessful: true, method: "password" })]);
  });

  it("gives the same answer for a wrong password, an unknown email and another shop", async () => {
    const customer = await createCustomer({ shop: "almaz" });
    const wrongPassword = await signInWithPassword(
      { shop: "almaz", email: customer.email, password: "nope-nope-nope" },
      client,
    );
    const unknownEmail = await signInWithPassword(
      { shop: "almaz", email: uniqueEmail(), password: TEST_PASSWORD },
      client,
    );
    const otherShop = await signInWithPassword(
      { shop: "allegra", email: customer.email, password: TEST_PASSWORD },
      client,
    );
    const unknownShop = await signInWithPassword(
      { shop: "nowhere", email: customer.email, password: TEST_PASSWORD },
      client,
    );
    const malformed = await signInWithPassword({ shop: "almaz", email: "not-an-email", password: "" }, client);
    for (const result of [wrongPassword, unknownEmail, otherShop, unknownShop, malformed]) {
      expect(result).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    }
    const failed = await getPrisma().signInEvent.findMany({ where: { customerId: customer.id } });
    expect(failed).toEqual([expect.objectContaining({ isSuccessful: false })]);
  });

  it("locks an account key after repeated failures, even for the right password, and for unknown emails alike", async () => {
    const customer = await createCustomer();
    const address = { ip: "203.0.113.50", userAgent: null, source: "web" as const };
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      await signInWithPassword({ shop: "almaz", email: customer.email, password: `wrong-${i}-password` }, address);
    }
    expect(
      await signInWithPassword({ shop: "almaz", email: customer.email, password: TEST_PASSWORD }, address),
    ).toEqual({
      ok: false,
      reason: "RATE_LIMITED",
    });
    const ghost = uniqueEmail("ghost");
    for (let i = 0; i < THROTTLE.maxFailuresPerAccount; i++) {
      await signInWithPassword(
        { shop: "almaz", email: ghost, password: "whatever-password" },
        { ip: null, userAgent: null, source: "web" as const },
      );
    }
    expect(
      await signInWithPassword(
        { shop: "almaz", email: ghost, password: "whatever-password" },
        { ip: null, userAgent: null, source: "web" as const },
      ),
    ).toEqual({ ok: false, reason: "RATE_LIMITED" });
    // The throttle table holds hashes only, never the email.
    const keys = await getPrisma().signInThrottle.findMany({ select: { key: true } });
    expect(keys.some((k) => k.key.includes(customer.email) || k.key.includes(ghost))).toBe(false);
  });
});

describe("session check on every request", () => {
  async function newSession() {
    const customer = await createCustomer();
    const result = await signInWithPassword({ shop: "almaz", email: customer.email, password: TEST_PASSWORD }, client);
    if (!result.ok) throw new Error("sign-in failed");
    return { customer, sessionId: result.sessionId };
  }

  it("accepts a live session", async () => {
    const { customer, sessionId } = await newSession();
    expect(await resolveSessionViewer(sessionId)).toMatchObject({
      kind: "customer",
      customerId: customer.id,
      shop: { handle: "almaz" },
    });
  });

  it("signs out a revoked session, an expired one and a deleted account at once", async () => {
    const prisma = getPrisma();
    const revoked = await newSession();
    await prisma.session.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
    expect(await resolveSessionViewer(revoked.sessionId)).toEqual(ANONYMOUS);

    const expired = await newSession();
    await prisma.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSessionViewer(expired.sessionId)).toEqual(ANONYMOUS);

    const deleted = await newSession();
    await prisma.signInEvent.deleteMany({ where: { customerId: deleted.customer.id } });
    await prisma.customer.delete({ where: { id: deleted.customer.id } });
    expect(await resolveSessionViewer(deleted.sessionId)).toEqual(ANONYMOUS);
  });

  it("ignores missing and malformed session ids", async () => {
    expect(await resolveSessionViewer(undefined)).toEqual(ANONYMOUS);
    expect(await resolveSessionViewer("'; DROP TABLE x; --")).toEqual(ANONYMOUS);
    expect(await resolveSessionViewer("00000000-0000-7000-8000-000000000000")).toEqual(ANONYMOUS);
  });
});
