import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getPrisma, type Prisma } from "../db";
import type { ActorType } from "../db/generated/enums";
import {
  type ChainBreak,
  type ChainedEvent,
  type ChainHead,
  canonicalJson,
  eventHash,
  toJsonObject,
  verifySegment,
} from "./chain";

export type { ChainBreak } from "./chain";

export type AuditEventInput = {
  shopId: string;
  // The data subject, when there is one.
  customerId: string | null;
  actorType: ActorType;
  actorId: string | null;
  // The support session, when an agent acted in the customer's account.
  impersonationId?: string | null;
  // e.g. "customer.update", "address.create", "data.reveal".
  action: string;
  // What happened, without personal values: ids and field names.
  details: Record<string, unknown>;
  // Personal values the event needs (e.g. a correction's old → new values). They are
  // stored apart, in AuditEventValue, and the chained details hold only
  // valuesDigest = sha256(salt + canonical JSON), so erasure can delete the values
  // without breaking the chain. Needs a customerId.
  values?: Record<string, unknown>;
};

// The digest the chained event holds for its values.
export function auditValuesDigest(salt: string, values: unknown): string {
  return createHash("sha256").update(salt).update(canonicalJson(values)).digest("hex");
}

export type RecordedAuditEvent = { id: string; sequence: number; hash: string };

// Appends one event to the shop's chain, inside the caller's transaction so that the
// change and its record commit together. Writers of the same shop are serialised by a
// transaction-scoped advisory lock (released at commit or rollback); the unique
// (shopId, sequence) index would refuse a fork even without it.
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  input: AuditEventInput,
): Promise<RecordedAuditEvent> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`audit-chain:${input.shopId}`}, 0))`;
  const last = await tx.auditEvent.findFirst({
    where: { shopId: input.shopId },
    orderBy: { sequence: "desc" },
    select: { sequence: true, hash: true },
  });
  const values = input.values ? toJsonObject(input.values) : null;
  if (values && !input.customerId) throw new Error("Audit values belong to a customer.");
  const salt = values ? randomBytes(16).toString("hex") : null;
  const details = toJsonObject(
    values && salt ? { ...input.details, valuesDigest: auditValuesDigest(salt, values) } : input.details,
  );
  const event = {
    shopId: input.shopId,
    sequence: (last?.sequence ?? 0) + 1,
    customerId: input.customerId,
    actorType: input.actorType,
    actorId: input.actorId,
    impersonationId: input.impersonationId ?? null,
    action: input.action,
    details,
    createdAt: new Date(),
  };
  const prevHash = last?.hash ?? null;
  const recorded = await tx.auditEvent.create({
    data: { ...event, prevHash, hash: eventHash(prevHash, event) },
    select: { id: true, sequence: true, hash: true },
  });
  if (values && salt && input.customerId) {
    await tx.auditEventValue.create({
      data: { auditEventId: recorded.id, shopId: input.shopId, customerId: input.customerId, values, salt },
      select: { id: true },
    });
  }
  return recorded;
}

export type AuditChainReport = {
  shopId: string;
  isValid: boolean;
  // Events verified before the first break (all of them when valid).
  checked: number;
  // The last event that verified.
  head: ChainHead | null;
  firstBrokenSequence: number | null;
  reason: ChainBreak | null;
};

const BATCH = 500;

// Recomputes the shop's whole chain and reports the first event that does not fit.
// An operator check (and a test), not a customer-facing service, so it takes no viewer.
// Deleting the newest events leaves a shorter chain that still verifies: compare the
// head with one recorded elsewhere to detect that.
export async function verifyAuditChain(options: { shopId: string }): Promise<AuditChainReport> {
  const prisma = getPrisma();
  let head: ChainHead | null = null;
  let checked = 0;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: { shopId: options.shopId, sequence: { gt: head?.sequence ?? 0 } },
      orderBy: { sequence: "asc" },
      take: BATCH,
      select: {
        shopId: true,
        sequence: true,
        customerId: true,
        actorType: true,
        actorId: true,
        impersonationId: true,
        action: true,
        details: true,
        createdAt: true,
        prevHash: true,
        hash: true,
      },
    });
    const result = verifySegment(rows as ChainedEvent[], head);
    if (!result.isValid) {
      return {
        shopId: options.shopId,
        isValid: false,
        checked: checked + result.checked,
        head: result.head,
        firstBrokenSequence: result.brokenSequence,
        reason: result.reason,
      };
    }
    checked += result.checked;
    head = result.head;
    if (rows.length < BATCH) {
      return { shopId: options.shopId, isValid: true, checked, head, firstBrokenSequence: null, reason: null };
    }
  }
}
