import "server-only";
import type { AuditActor } from "../auth/authorize";
import type { Prisma } from "../db";
import type { ShopRef } from "../tenants";
import { requestsChanged } from "./changes";
import { shopRequestDeadlines } from "./index";
import type { SelfServiceType } from "./types";

export { SELF_SERVICE_TYPES, type SelfServiceType } from "./types";

// Self-service actions recorded as rights requests completed at once, so the request
// history and the metrics are complete (server/requests/requests.ts).
// In the caller's transaction: an export, a correction, a deletion or a consent
// withdrawal the customer (or an agent for them) did in the account.
export async function recordSelfServiceRequest(
  tx: Prisma.TransactionClient,
  options: {
    shop: ShopRef;
    customerId: string;
    type: SelfServiceType;
    actor: AuditActor;
    now?: Date;
    // When it was asked for, if before it was done (a deletion after its grace period).
    receivedAt?: Date;
  },
): Promise<void> {
  requestsChanged();
  const now = options.now ?? new Date();
  const receivedAt = options.receivedAt ?? now;
  const dates = shopRequestDeadlines(options.shop.profile, receivedAt);
  await tx.rightsRequest.create({
    data: {
      shopId: options.shop.id,
      customerId: options.customerId,
      type: options.type,
      status: "CLOSED",
      outcome: "GRANTED",
      selfService: true,
      filedBy: options.actor.actorType === "PARTNER" ? "PARTNER" : "CUSTOMER",
      receivedAt,
      receivedOn: new Date(`${dates.receivedOn}T00:00:00Z`),
      firstDueOn: new Date(`${dates.dueOn}T00:00:00Z`),
      dueOn: new Date(`${dates.dueOn}T00:00:00Z`),
      extendableDueOn: dates.extendedDueOn ? new Date(`${dates.extendedDueOn}T00:00:00Z`) : null,
      decidedAt: now,
      events: {
        create: [
          { kind: "RECEIVED", actorType: options.actor.actorType, actorId: options.actor.actorId, at: receivedAt },
          { kind: "COMPLETED", actorType: "SYSTEM", at: now },
        ],
      },
    },
    select: { id: true },
  });
}
