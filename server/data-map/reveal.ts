import "server-only";
import { recordAuditEvent } from "../audit";
import { authorize } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import { personalModels } from "./index";
import { formatValue, ownerWhere } from "./view";

// Shows one masked value in full. Every reveal is recorded (who, which record and
// field, when; never the value) so the customer can see it in their access log.
export async function revealValue(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  model: string;
  id: string;
  field: string;
}): Promise<string | null> {
  const scope = await authorize(options.viewer, "data.reveal", options.customerId);
  const entry = personalModels().find((e) => e.model === options.model);
  const spec = entry?.fields[options.field];
  if (!entry || !/^[0-9a-f-]{36}$/i.test(options.id)) throw new AppError("NOT_FOUND", "No such record.");
  if (!spec?.isSensitive) {
    throw new AppError("INVALID_INPUT", "Only masked values need revealing; this field is shown in full.", [
      { field: ["input", "field"], code: "INVALID_INPUT", message: "This field is not masked." },
    ]);
  }
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    const delegate = (
      tx as unknown as Record<string, { findFirst(a: object): Promise<Record<string, unknown> | null> }>
    )[entry.model.charAt(0).toLowerCase() + entry.model.slice(1)];
    const row = await delegate.findFirst({
      // AND, not a spread: for the account itself the owner filter is also on `id`.
      where: { AND: [ownerWhere(entry, scope), { id: options.id }] },
      select: { id: true, [options.field]: true },
    });
    if (!row) throw new AppError("NOT_FOUND", "No such record.");
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "data.reveal",
      details: { model: entry.model, recordId: options.id, field: options.field },
    });
    return formatValue(entry.model, options.field, row[options.field], row);
  });
}
