import { expect } from "vitest";
import { auditValuesDigest } from "@/server/audit";
import { getPrisma } from "@/server/db";

// The personal values an audit event holds apart from the chain (AuditEventValue),
// checked against the digest the chained details carry: the event and its values must
// belong to each other, and the chained details must hold no value themselves.
export async function auditValuesOf(event: {
  id: string;
  shopId: string;
  customerId: string | null;
  details: unknown;
}): Promise<Record<string, unknown>> {
  const row = await getPrisma().auditEventValue.findUniqueOrThrow({ where: { auditEventId: event.id } });
  expect(row.shopId).toBe(event.shopId);
  expect(row.customerId).toBe(event.customerId);
  expect(row.salt).toMatch(/^[0-9a-f]{32}$/);
  const digest = (event.details as { valuesDigest?: unknown }).valuesDigest;
  expect(digest).toBe(auditValuesDigest(row.salt, row.values));
  return row.values as Record<string, unknown>;
}
