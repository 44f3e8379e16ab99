import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/server/auth/sign-in";
import { isThrottled, recordFailure, throttleKeys } from "@/server/auth/throttle";
import { ANONYMOUS, resolveSessionViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { createCustomer, shop, TEST_PASSWORD, uniqueEmail } from "../factories";

const client = { ip: "198.51.100.7", userAgent: "vitest", source: "web" as const };
// A client address of its own for each test that counts failures per client (the
// counts outlive a run on a shared PostgreSQL database).
const uniqueAddress = () => `2001:db8::${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

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

  // The limits are written out here, not read from THROTTLE: changing them is a
  // decision this test must be changed for.
  it("locks an account key on its 5th failure, even for the right password, and for unknown emails alike", async () => {
    const customer = await createCustomer();
    const address = { ip: uniqueAddress(), userAgent: null, source: "web" as const };
    const wrong = (i: number) =>
      signInWithPassword({ shop: "almaz", email: customer.email, password: `wrong-${i}-password` }, address);
    const right = () => signInWithPassword({ shop: "almaz", email: customer.email, password: TEST_PASSWORD }, address);
    // Four failures do not lock; a success clears them.
    for (let i = 0; i < 4; i++) expect(await wrong(i)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await right()).toMatchObject({ ok: true, customerId: customer.id });
    // Five do, and then even the right password is refused.
    for (let i = 0; i < 5; i++) expect(await wrong(i)).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await right()).toEqual({ ok: false, reason: "RATE_LIMITED" });

    const ghost = uniqueEmail("ghost");
    const guess = () =>
      signInWithPassword(
        { shop: "almaz", email: ghost, password: "whatever-password" },
        { ip: null, userAgent: null, source: "web" as const },
      );
    for (let i = 0; i < 5; i++) expect(await guess()).toEqual({ ok: false, reason: "INVALID_CREDENTIALS" });
    expect(await guess()).toEqual({ ok: false, reason: "RATE_LIMITED" });
    // The throttle table holds hashes only, never the email.
    const keys = await getPrisma().signInThrottle.findMany({ select: { key: true } });
    expect(keys.some((k) => k.key.includes(customer.email) || k.key.includes(ghost))).toBe(false);
  });

  it("locks a client address on its 30th failure, whatever accounts it tries", async () => {
    const address = { ip: uniqueAddress(), userAgent: null, source: "web" as const };
    // 29 failures over unknown emails, four at most each (no account key locks).
    const emails = Array.from({ length: 8 }, () => uniqueEmail("spray"));
    for (let i = 0; i < 29; i++) {
      const email = emails[Math.floor(i / 4)];
      expect(await signInWithPassword({ shop: "almaz", email, password: "wrong-password" }, address)).toEqual({
        ok: false,
        reason: "INVALID_CREDENTIALS",
      });
    }
    const first = await createCustomer();
    expect(
      await signInWithPassword({ shop: "almaz", email: first.email, password: TEST_PASSWORD }, address),
    ).toMatchObject({ ok: true });
    // A success does not reset the client's count: the 30th failure locks it.
    await signInWithPassword({ shop: "almaz", email: uniqueEmail("spray"), password: "wrong-password" }, address);
    const second = await createCustomer();
    expect(await signInWithPassword({ shop: "almaz", email: second.email, password: TEST_PASSWORD }, address)).toEqual({
      ok: false,
      reason: "RATE_LIMITED",
    });
    // Another client is not locked out of the same account.
    expect(
      await signInWithPassword(
        { shop: "almaz", email: second.email, password: TEST_PASSWORD },
        { ip: uniqueAddress(), userAgent: null, source: "web" as const },
      ),
    ).toMatchObject({ ok: true });
  });

  it("counts failures within 15 minutes and locks for 15 minutes", async () => {
    const { id: shopId } = await shop("almaz");
    const t0 = new Date("2026-03-01T10:00:00.000Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const MINUTES_15 = 15 * 60 * 1000;
    const fail = async (keys: string[], times: number, when: Date) => {
      for (let i = 0; i < times; i++) await recordFailure(keys, when);
    };

    const locked = throttleKeys(shopId, uniqueEmail("lock"), null);
    await fail(locked, 5, t0);
    expect(await isThrottled(locked, t0)).toBe(true);
    expect(await isThrottled(locked, at(MINUTES_15 - 1))).toBe(true);
    expect(await isThrottled(locked, at(MINUTES_15))).toBe(false);

    // The 5th failure 15 minutes after the first still counts...
    const inWindow = throttleKeys(shopId, uniqueEmail("window"), null);
    await fail(inWindow, 4, t0);
    await fail(inWindow, 1, at(MINUTES_15));
    expect(await isThrottled(inWindow, at(MINUTES_15))).toBe(true);
    // ...a millisecond later it starts a new window.
    const pastWindow = throttleKeys(shopId, uniqueEmail("window"), null);
    await fail(pastWindow, 4, t0);
    await fail(pastWindow, 1, at(MINUTES_15 + 1));
    expect(await isThrottled(pastWindow, at(MINUTES_15 + 1))).toBe(false);
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
