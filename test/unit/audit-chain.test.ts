import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type ChainedEvent, canonicalJson, eventHash, type HashedEvent, verifySegment } from "@/server/audit/chain";

const SHOP = "0196f0b2-0000-7000-8000-000000000001";

// A valid chain of n events, built the way recordAuditEvent builds it.
function chain(n: number): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  for (let sequence = 1; sequence <= n; sequence++) {
    const event: HashedEvent = {
      shopId: SHOP,
      sequence,
      customerId: sequence % 2 ? "0196f0b2-0000-7000-8000-00000000000a" : null,
      actorType: "CUSTOMER",
      actorId: null,
      action: "customer.update",
      details: { changes: [{ field: "firstName", from: `Ana${sequence}`, to: `Anna${sequence}` }] },
      createdAt: new Date(Date.UTC(2026, 10, 22, 10, 0, sequence)),
    };
    const prevHash = events.at(-1)?.hash ?? null;
    events.push({ ...event, prevHash, hash: eventHash(prevHash, event) });
  }
  return events;
}

describe("canonicalJson", () => {
  it("sorts keys at every level and drops undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"x":2,"y":1}]},"b":1}',
    );
    expect(canonicalJson({ z: null, a: "é\n" })).toBe('{"a":"é\\n","z":null}');
  });

  it("gives the same text whatever the key order (as jsonb returns it)", () => {
    expect(canonicalJson({ from: "a", field: "x", to: "b" })).toBe(canonicalJson({ to: "b", field: "x", from: "a" }));
  });

  it("writes dates as ISO strings and refuses what JSON cannot hold", () => {
    expect(canonicalJson({ at: new Date("2026-11-22T10:00:00.000Z") })).toBe('{"at":"2026-11-22T10:00:00.000Z"}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe("eventHash", () => {
  const [first] = chain(1);

  it("is sha256 of the previous hash and the canonical event", () => {
    const body = canonicalJson({
      action: first.action,
      actorId: first.actorId,
      actorType: first.actorType,
      createdAt: first.createdAt.toISOString(),
      customerId: first.customerId,
      details: first.details,
      sequence: 1,
      shopId: SHOP,
    });
    expect(first.hash).toBe(createHash("sha256").update(body).digest("hex"));
    expect(eventHash("ab".repeat(32), first)).toBe(
      createHash("sha256")
        .update("ab".repeat(32) + body)
        .digest("hex"),
    );
  });

  it("changes with any field of the event", () => {
    const variants: Partial<HashedEvent>[] = [
      { shopId: "0196f0b2-0000-7000-8000-000000000002" },
      { sequence: 2 },
      { customerId: null },
      { actorType: "AGENT" },
      { actorId: "someone" },
      { action: "address.update" },
      { details: { changes: [] } },
      { createdAt: new Date(first.createdAt.getTime() + 1) },
    ];
    for (const variant of variants) expect(eventHash(null, { ...first, ...variant })).not.toBe(first.hash);
  });
});

describe("verifySegment", () => {
  it("accepts an intact chain and returns its head", () => {
    const events = chain(5);
    expect(verifySegment(events, null)).toEqual({
      isValid: true,
      head: { sequence: 5, hash: events[4].hash },
      checked: 5,
    });
    expect(verifySegment([], null)).toEqual({ isValid: true, head: null, checked: 0 });
  });

  it("continues from a previous segment's head", () => {
    const events = chain(6);
    const first = verifySegment(events.slice(0, 3), null);
    expect(first.isValid).toBe(true);
    if (!first.isValid) return;
    expect(verifySegment(events.slice(3), first.head)).toMatchObject({ isValid: true, checked: 3 });
    expect(verifySegment(events.slice(3), null)).toMatchObject({
      isValid: false,
      brokenSequence: 1,
      reason: "MISSING",
    });
  });

  it("reports an edited row (HASH) at its sequence", () => {
    const events = chain(5);
    events[2] = { ...events[2], details: { changes: [{ field: "firstName", from: "Ana3", to: "Eve" }] } };
    expect(verifySegment(events, null)).toEqual({
      isValid: false,
      brokenSequence: 3,
      reason: "HASH",
      head: { sequence: 2, hash: events[1].hash },
      checked: 2,
    });
  });

  it("reports a deleted row (MISSING) at the missing sequence", () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifySegment(events, null)).toMatchObject({ isValid: false, brokenSequence: 2, reason: "MISSING" });
    expect(verifySegment(chain(3).slice(1), null)).toMatchObject({ brokenSequence: 1, reason: "MISSING" });
  });

  it("reports a row replaced with a self-consistent forgery (LINK)", () => {
    const events = chain(4);
    const forged: HashedEvent = { ...events[2], action: "address.delete" };
    events[2] = { ...forged, prevHash: "00".repeat(32), hash: eventHash("00".repeat(32), forged) };
    expect(verifySegment(events, null)).toMatchObject({ isValid: false, brokenSequence: 3, reason: "LINK" });
  });

  it("catches a rewritten tail only by its next link, and a rewritten hash by its content", () => {
    const events = chain(4);
    // Recomputing one row's hash after editing it breaks the following row's link.
    const edited: HashedEvent = { ...events[1], actorId: "forger" };
    events[1] = { ...edited, prevHash: events[1].prevHash, hash: eventHash(events[1].prevHash, edited) };
    expect(verifySegment(events, null)).toMatchObject({ isValid: false, brokenSequence: 3, reason: "LINK" });
    const other = chain(2);
    other[1] = { ...other[1], hash: "ff".repeat(32) };
    expect(verifySegment(other, null)).toMatchObject({ isValid: false, brokenSequence: 2, reason: "HASH" });
  });
});
