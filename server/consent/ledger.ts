import "server-only";
import { recordAuditEvent } from "../audit";
import type { Prisma } from "../db";
import type { ConsentSource, OptInLevel } from "../db/generated/enums";
import { AppError } from "../errors";
import type { ShopRef } from "../tenants";
import { queueWebhookEvent } from "../webhooks/events";
import { findConsentPurpose } from "./purposes";
import {
  type ConsentActor,
  type ConsentStateValue,
  type CurrentConsent,
  deriveConsentStates,
  type LedgerRecord,
  type RecordedConsentState,
} from "./state";

// The consent ledger: append-only records (a trigger refuses UPDATE, DELETE and
// TRUNCATE), the current state being each purpose's latest record.

type Db = Pick<Prisma.TransactionClient, "$queryRaw" | "consentRecord">;

export type RecordConsentInput = {
  shop: ShopRef;
  customerId: string;
  purposeKey: string;
  state: RecordedConsentState;
  optInLevel: OptInLevel;
  source: ConsentSource;
  actor: ConsentActor;
};

const ledgerSelect = {
  id: true,
  purposeKey: true,
  state: true,
  optInLevel: true,
  source: true,
  createdAt: true,
} as const;

// Appends one record in the caller's transaction, with the policy version in force.
// The purpose must be one the shop offers; strictly necessary cookies cannot be
// withdrawn. Callers hold the customer's lock (lockConsents), so records of one
// customer are written one change at a time.
export async function recordConsent(tx: Prisma.TransactionClient, input: RecordConsentInput): Promise<LedgerRecord> {
  const purpose = findConsentPurpose(input.shop.profile, input.purposeKey);
  if (!purpose) throw new AppError("INVALID_INPUT", `${input.shop.name} does not offer "${input.purposeKey}".`);
  if (purpose.isRequired && input.state !== "GRANTED") {
    throw new AppError("INVALID_INPUT", requiredMessage(purpose.label));
  }
  // Each purpose's records get strictly increasing times, so "the latest record" never
  // depends on two records sharing a millisecond.
  const previous = await tx.consentRecord.findFirst({
    where: { customerId: input.customerId, shopId: input.shop.id, purposeKey: input.purposeKey },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true },
  });
  const now = Date.now();
  const at = new Date(previous ? Math.max(now, previous.createdAt.getTime() + 1) : now);
  return tx.consentRecord.create({
    data: {
      shopId: input.shop.id,
      customerId: input.customerId,
      purposeKey: input.purposeKey,
      state: input.state,
      optInLevel: input.optInLevel,
      source: input.source,
      actorType: input.actor.type,
      actorId: input.actor.id,
      impersonationId: input.actor.impersonationId ?? null,
      policyVersion: input.shop.profile.policyVersion,
      createdAt: at,
    },
    select: ledgerSelect,
  });
}

export function requiredMessage(label: string): string {
  return `${label}: always on. The site cannot work without these cookies, so they cannot be switched off.`;
}

// The latest record of every purpose the customer has records for (one statement,
// along the (customerId, purposeKey, createdAt DESC) index).
export async function currentConsents(
  db: Db,
  owner: { shopId: string; customerId: string },
): Promise<Map<string, CurrentConsent>> {
  const rows = await db.$queryRaw<LedgerRecord[]>`
    SELECT DISTINCT ON ("purposeKey") "id", "purposeKey", "state"::text AS "state",
      "optInLevel"::text AS "optInLevel", "source"::text AS "source", "createdAt"
    FROM "ConsentRecord"
    WHERE "customerId" = ${owner.customerId}::uuid AND "shopId" = ${owner.shopId}::uuid
    ORDER BY "purposeKey", "createdAt" DESC, "id" DESC`;
  return deriveConsentStates(rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) })));
}

// Serialises consent changes of one customer (read current state, then append).
// Returns false when the customer does not exist in this shop.
export async function lockConsents(
  tx: Prisma.TransactionClient,
  owner: { shopId: string; customerId: string },
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Customer" WHERE "id" = ${owner.customerId}::uuid AND "shopId" = ${owner.shopId}::uuid FOR UPDATE`;
  return rows.length === 1;
}

export type WrittenChange = { purposeKey: string; from: ConsentStateValue; to: RecordedConsentState };

// One audit event per consent action: who, from where, which purposes, which states.
// Never an email address (the ledger and the audit log are read by support staff).
export async function auditConsentChanges(
  tx: Prisma.TransactionClient,
  input: {
    shopId: string;
    customerId: string;
    actor: ConsentActor;
    source: ConsentSource;
    changes: WrittenChange[];
    details?: Record<string, unknown>;
  },
): Promise<void> {
  if (input.changes.length === 0) return;
  await recordAuditEvent(tx, {
    shopId: input.shopId,
    customerId: input.customerId,
    actorType: input.actor.type,
    actorId: input.actor.id,
    impersonationId: input.actor.impersonationId ?? null,
    action: "consent.update",
    details: {
      source: input.source,
      changes: input.changes.map((c) => ({ purpose: c.purposeKey, from: c.from, to: c.to })),
      ...input.details,
    },
  });
  await queueWebhookEvent(tx, {
    shopId: input.shopId,
    customerId: input.customerId,
    type: "consent.updated",
    data: {
      source: input.source,
      actorType: input.actor.type,
      changes: input.changes.map((c) => ({ purpose: c.purposeKey, from: c.from, to: c.to })),
    },
  });
}
