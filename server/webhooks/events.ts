import "server-only";
import { randomUUID } from "node:crypto";
import type { ApiScope } from "../api-keys/scopes";
import type { Prisma } from "../db";

// The events a webhook endpoint can subscribe to, and the scope a partner key needs to
// receive each. Payloads follow Standard Webhooks ({ type, timestamp, data }) and carry
// the least personal data that does the job: ids, the shop's handle, purpose keys and
// states, the NAMES of changed fields. Never a value, never an email address or a name.
export const WEBHOOK_EVENT_TYPES = [
  "consent.updated",
  "customer.rectified",
  "customer.erasure_requested",
  "customer.erased",
  "customer.data_requested",
  "customer.support_session",
  "customer.recipient_notice",
  "invitation.created",
  "invitation.accepted",
  "invitation.objected",
  "invitation.withdrawn",
  "invitation.expired",
  "request.created",
  "request.updated",
  "request.completed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENTS: Record<WebhookEventType, { description: string; scope: ApiScope }> = {
  "consent.updated": {
    description: "A customer's consent changed: the purpose keys and their new states, and who made the change.",
    scope: "consents:read",
  },
  "customer.rectified": {
    description: "A customer's data was corrected (GDPR Art. 16): the names of the changed fields, never their values.",
    scope: "customers:read",
  },
  "customer.erasure_requested": {
    description:
      "A customer asked for their account to be deleted (GDPR Art. 17); erasure follows after the grace period.",
    scope: "customers:read",
  },
  "customer.erased": {
    description: "A customer's account was erased: delete what you hold about them unless the law makes you keep it.",
    scope: "customers:read",
  },
  "customer.data_requested": {
    description: "A customer asked for a copy of their data (GDPR Art. 15, 20).",
    scope: "customers:read",
  },
  "customer.support_session": {
    description: "A support agent started or ended a session in a customer's account.",
    scope: "customers:read",
  },
  "customer.recipient_notice": {
    description:
      "GDPR Art. 19: you are a recipient of the customer's data and it was rectified, erased or restricted. Sent to the recipient's key's endpoints whatever they subscribe to.",
    scope: "customers:read",
  },
  "invitation.created": {
    description:
      "A customer invited a friend (by email or a share link): the invitation's id and channel, never the friend's address or name.",
    scope: "customers:read",
  },
  "invitation.accepted": {
    description: "A friend a customer invited opened an account.",
    scope: "customers:read",
  },
  "invitation.objected": {
    description:
      "An invited friend asked not to be contacted again: their details are deleted and the address may not be invited again. Delete anything you hold from the invitation.",
    scope: "customers:read",
  },
  "invitation.withdrawn": {
    description:
      "A customer withdrew an invitation (or erased their friends' details): the friend's details are deleted.",
    scope: "customers:read",
  },
  "invitation.expired": {
    description: "An invitation was not accepted in time: the friend's details are deleted.",
    scope: "customers:read",
  },
  "request.created": {
    description:
      "A rights request was filed (restriction, objection, automated-decision review, disputed correction): its id, type and status.",
    scope: "requests:read",
  },
  "request.updated": {
    description:
      "A rights request changed: information added, the representative's authority checked, the due date extended or a restriction lifted.",
    scope: "requests:read",
  },
  "request.completed": {
    description: "A rights request was decided (granted, partly granted, refused) or withdrawn: its outcome.",
    scope: "requests:read",
  },
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

export const WEBHOOK_DELIVER_JOB = "webhook.deliver";

type EventInput = {
  shopId: string;
  customerId: string | null;
  type: WebhookEventType;
  // What changed: ids, keys, states and field names only.
  data: Record<string, Prisma.InputJsonValue | null>;
  // customer.recipient_notice: the profile's recipient the notice is for.
  recipientKey?: string;
};

// Records one event and fans it out to every endpoint that should get it, in the
// caller's transaction: the event (and its deliveries and their jobs) exists exactly
// when the change that caused it committed. An event no endpoint receives is not stored
// (no endpoint can ask for it later: replays resend deliveries). Endpoints: of the shop,
// enabled, not deleted, subscribed to the type, and, when they belong to a key, the key
// neither revoked nor expired and holding the scope that covers the type. An Art. 19
// notice goes to the endpoints of the keys that ARE that recipient, whatever they
// subscribe to: it is a legal notice, not an opt-in.
// A delivery queued behind a pending one for the same endpoint and customer sleeps: the
// one before it wakes it when it finishes (server/webhooks/deliver.ts); this is only the
// safety net, should that wake miss it (the earlier one finishing while this
// transaction is still open).
export function blockedRecheckMs(): number {
  return Number(process.env.WEBHOOK_BLOCKED_RECHECK_MS) || 60_000;
}

// Shop handles never change once a shop exists: read once per process.
const handles = new Map<string, string>();

export async function queueWebhookEvent(tx: Prisma.TransactionClient, input: EventInput): Promise<string | null> {
  const now = new Date();
  const isNotice = input.type === "customer.recipient_notice";
  const scope = WEBHOOK_EVENTS[input.type].scope;
  // One statement: the receiving endpoints (this runs inside every consent change and
  // correction, so it stays cheap when the shop has none).
  const receivers = await tx.$queryRaw<{ id: string }[]>`
    SELECT p."id" FROM "WebhookEndpoint" p LEFT JOIN "ApiKey" k ON k."id" = p."apiKeyId"
    WHERE p."shopId" = ${input.shopId}::uuid AND p."deletedAt" IS NULL AND p."disabledAt" IS NULL
      AND (p."apiKeyId" IS NULL OR (k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > ${now}::timestamptz)))
      AND CASE WHEN ${isNotice}::boolean
        THEN k."recipientKey" = ${input.recipientKey ?? ""}
        ELSE ${input.type} = ANY(p."events") AND (p."apiKeyId" IS NULL OR ${scope} = ANY(k."scopes")) END`;
  if (!receivers.length) return null;
  let handle = handles.get(input.shopId);
  if (!handle) {
    handle = (await tx.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { handle: true } })).handle;
    handles.set(input.shopId, handle);
  }
  const eventId = randomUUID();
  const payload = JSON.stringify({
    type: input.type,
    timestamp: now.toISOString(),
    data: { shop: handle, customerId: input.customerId, ...input.data },
  });
  // The event, its deliveries and their jobs in one statement.
  await tx.$executeRaw`
    WITH ev AS (
      INSERT INTO "WebhookEvent" ("id", "shopId", "customerId", "type", "payload", "createdAt")
      VALUES (${eventId}::uuid, ${input.shopId}::uuid, ${input.customerId}::uuid, ${input.type}, ${payload}::jsonb, ${now}::timestamptz)
      RETURNING "id"
    ), d AS (
      INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "customerId", "nextAttemptAt", "createdAt")
      SELECT gen_random_uuid(), ev."id", e, ${input.customerId}::uuid, ${now}::timestamptz, ${now}::timestamptz
      FROM ev, unnest(${receivers.map((r) => r.id)}::uuid[]) WITH ORDINALITY AS u(e, n)
      ORDER BY n
      RETURNING "id", "endpointId", "customerId"
    )
    INSERT INTO "Job" ("id", "kind", "key", "payload", "runAt", "maxAttempts")
    SELECT gen_random_uuid(), ${WEBHOOK_DELIVER_JOB}, d."id"::text, jsonb_build_object('key', d."id"),
      CASE WHEN d."customerId" IS NOT NULL AND EXISTS (
        SELECT 1 FROM "WebhookDelivery" b
        WHERE b."endpointId" = d."endpointId" AND b."customerId" = d."customerId" AND b."status" = 'PENDING')
      THEN ${new Date(now.getTime() + blockedRecheckMs())}::timestamptz ELSE ${now}::timestamptz END,
      50
    FROM d`;
  return eventId;
}
