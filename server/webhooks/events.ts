import "server-only";
import type { ApiScope } from "../api-keys/scopes";
import type { Prisma } from "../db";
import { enqueueJobs } from "../jobs";

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
export async function queueWebhookEvent(tx: Prisma.TransactionClient, input: EventInput): Promise<string | null> {
  const now = new Date();
  const endpoints = await tx.webhookEndpoint.findMany({
    where: {
      shopId: input.shopId,
      deletedAt: null,
      disabledAt: null,
      ...(input.type === "customer.recipient_notice"
        ? { apiKey: { recipientKey: input.recipientKey ?? "", revokedAt: null } }
        : { events: { has: input.type } }),
    },
    select: {
      id: true,
      apiKey: { select: { scopes: true, revokedAt: true, expiresAt: true } },
    },
  });
  const scope = WEBHOOK_EVENTS[input.type].scope;
  const receivers = endpoints.filter(({ apiKey }) => {
    if (!apiKey) return true;
    if (apiKey.revokedAt || (apiKey.expiresAt && apiKey.expiresAt <= now)) return false;
    return input.type === "customer.recipient_notice" || apiKey.scopes.includes(scope);
  });
  if (!receivers.length) return null;
  const shop = await tx.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: { handle: true } });
  const event = await tx.webhookEvent.create({
    data: {
      shopId: input.shopId,
      customerId: input.customerId,
      type: input.type,
      createdAt: now,
      payload: {
        type: input.type,
        timestamp: now.toISOString(),
        data: { shop: shop.handle, customerId: input.customerId, ...input.data },
      },
    },
    select: { id: true },
  });
  const deliveries = await tx.webhookDelivery.createManyAndReturn({
    data: receivers.map((endpoint) => ({
      eventId: event.id,
      endpointId: endpoint.id,
      customerId: input.customerId,
      nextAttemptAt: now,
    })),
    select: { id: true },
  });
  await enqueueJobs(tx, { kind: WEBHOOK_DELIVER_JOB, keys: deliveries.map((d) => d.id), maxAttempts: 50 });
  return event.id;
}
