import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "../audit";
import { actorOf } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { decodeCursor, type Page, pageSize } from "../data-map/view";
import { getPrisma, type Prisma } from "../db";
import { AppError } from "../errors";
import { invalidInput, safeText } from "../validation";
import { classifyAddress, isPrivateAllowed } from "./address";
import { cancelPendingDeliveries, queueDelivery, webhookCipherKey } from "./deliver";
import { isWebhookEventType, WEBHOOK_EVENT_TYPES } from "./events";
import { encryptSecret, generateWebhookSecret } from "./signing";

// Webhook endpoints: who may manage them, and the services the API calls.
// - A privacy officer in the support console (not while acting in a customer's
//   account) manages every endpoint of the shop: the shop's own (no key) and any key's.
// - A partner key with the "webhooks:manage" scope manages its own key's endpoints only.
// - Nobody else: customers, support agents, system jobs (FORBIDDEN); signed out
//   (UNAUTHENTICATED).

export const PREVIOUS_SECRET_TTL_MS = 24 * 60 * 60 * 1000;

type Manager = { shopId: string; viewer: Viewer; apiKeyId: string | null; isOfficer: boolean };

export function webhookManager(viewer: Viewer): Manager {
  switch (viewer.kind) {
    case "anonymous":
      throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    case "agent":
      if (viewer.agent.role !== "PRIVACY_OFFICER" || viewer.impersonation) {
        throw new AppError("FORBIDDEN", "Only a privacy officer in the support console manages webhooks.");
      }
      return { shopId: viewer.shop.id, viewer, apiKeyId: null, isOfficer: true };
    case "partner":
      if (!viewer.apiKey.scopes.includes("webhooks:manage")) {
        throw new AppError("FORBIDDEN", "This key lacks the webhooks:manage scope.");
      }
      return { shopId: viewer.shop.id, viewer, apiKeyId: viewer.apiKey.id, isOfficer: false };
    default:
      throw new AppError("FORBIDDEN", "You cannot manage webhooks.");
  }
}

// The endpoints a manager may see: the shop's, and for a key only its own.
function endpointWhere(manager: Manager, id?: string): Prisma.WebhookEndpointWhereInput {
  return {
    ...(id ? { id } : {}),
    shopId: manager.shopId,
    deletedAt: null,
    ...(manager.isOfficer ? {} : { apiKeyId: manager.apiKeyId }),
  };
}

// http only where receivers live on this machine: demo, tests, or WEBHOOK_ALLOW_PRIVATE=1.
export function isPlainHttpAllowed(): boolean {
  return isPrivateAllowed() || process.env.PRIVACY_CENTRE_DEMO === "1" || process.env.NODE_ENV === "test";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const webhookUrl = z
  .string({ error: "Enter the URL that receives the webhooks." })
  .trim()
  .min(1, "Enter the URL that receives the webhooks.")
  .max(2048, "Use at most 2048 characters.")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full URL, e.g. https://example.com/webhooks." });
      return;
    }
    if (url.protocol !== "https:" && !(url.protocol === "http:" && isPlainHttpAllowed())) {
      ctx.addIssue({ code: "custom", message: "Use an https:// URL." });
    } else if (url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Leave credentials out of the URL; verify our signature instead." });
    } else if (url.hash) {
      ctx.addIssue({ code: "custom", message: "Leave the #fragment out of the URL." });
    } else {
      const host = url.hostname.replace(/^\[|\]$/g, "");
      const kind = classifyAddress(host);
      const isLocalName = host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local");
      if (!isPrivateAllowed() && ((kind !== "invalid" && kind !== "public") || isLocalName)) {
        ctx.addIssue({ code: "custom", message: "Use a public address: private and local networks are not allowed." });
      }
    }
  });

const eventsSchema = z
  .array(z.string())
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENT_TYPES.length * 2)
  .superRefine((events, ctx) => {
    events.forEach((event, i) => {
      if (!isWebhookEventType(event)) {
        ctx.addIssue({
          code: "custom",
          path: [i],
          message: `Unknown event type. Use one of: ${WEBHOOK_EVENT_TYPES.join(", ")}.`,
        });
      }
    });
  })
  .transform((events) => [...new Set(events)]);

const description = safeText({ max: 200 });

const createSchema = z.object({
  url: webhookUrl,
  events: eventsSchema,
  description: description.nullish(),
  apiKeyId: z.string().regex(UUID, "Unknown API key.").nullish(),
});

const updateSchema = z.object({
  url: webhookUrl.nullish(),
  events: eventsSchema.nullish(),
  description: description.nullish(),
  isEnabled: z.boolean().nullish(),
});

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  return parsed.data;
}

export const endpointSelect = {
  id: true,
  shopId: true,
  apiKeyId: true,
  url: true,
  description: true,
  events: true,
  createdAt: true,
  updatedAt: true,
  failingSince: true,
  disabledAt: true,
  disabledReason: true,
  previousSecretExpiresAt: true,
} satisfies Prisma.WebhookEndpointSelect;

export type WebhookEndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

async function audit(
  tx: Prisma.TransactionClient,
  manager: Manager,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAuditEvent(tx, { shopId: manager.shopId, customerId: null, ...actorOf(manager.viewer), action, details });
}

export async function createWebhookEndpoint(options: {
  viewer: Viewer;
  input: { url: string; events: string[]; description?: string | null; apiKeyId?: string | null };
}): Promise<{ webhookEndpoint: WebhookEndpointRow; secret: string }> {
  const manager = webhookManager(options.viewer);
  const input = parse(createSchema, options.input);
  let apiKeyId = manager.apiKeyId;
  if (input.apiKeyId) {
    if (!manager.isOfficer && input.apiKeyId !== manager.apiKeyId) {
      throw new AppError("FORBIDDEN", "A key creates endpoints for itself only.");
    }
    const key = await getPrisma().apiKey.findFirst({
      where: { id: input.apiKeyId, shopId: manager.shopId, revokedAt: null },
      select: { id: true },
    });
    if (!key) {
      throw new AppError("NOT_FOUND", "No such API key.", [
        { field: ["input", "apiKeyId"], code: "NOT_FOUND", message: "No such API key in this shop." },
      ]);
    }
    apiKeyId = key.id;
  }
  const secret = generateWebhookSecret();
  const webhookEndpoint = await getPrisma().$transaction(async (tx) => {
    const id = crypto.randomUUID();
    const created = await tx.webhookEndpoint.create({
      data: {
        id,
        shopId: manager.shopId,
        apiKeyId,
        url: input.url,
        description: input.description ?? "",
        events: input.events,
        secretCiphertext: encryptSecret(webhookCipherKey(), secret, id),
      },
      select: endpointSelect,
    });
    await audit(tx, manager, "webhook.endpoint-create", { endpointId: id, apiKeyId, events: input.events });
    return created;
  });
  return { webhookEndpoint, secret };
}

async function findOwn(manager: Manager, id: string) {
  if (!UUID.test(id)) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
  const found = await getPrisma().webhookEndpoint.findFirst({
    where: endpointWhere(manager, id),
    select: endpointSelect,
  });
  if (!found) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
  return found;
}

export async function updateWebhookEndpoint(options: {
  viewer: Viewer;
  id: string;
  input: { url?: string | null; events?: string[] | null; description?: string | null; isEnabled?: boolean | null };
}): Promise<{ webhookEndpoint: WebhookEndpointRow }> {
  const manager = webhookManager(options.viewer);
  const input = parse(updateSchema, options.input);
  const existing = await findOwn(manager, options.id);
  const now = new Date();
  const data: Prisma.WebhookEndpointUpdateManyMutationInput = { updatedAt: now };
  if (input.url) data.url = input.url;
  if (input.events) data.events = input.events;
  if (input.description !== undefined && input.description !== null) data.description = input.description;
  if (input.isEnabled === true) Object.assign(data, { disabledAt: null, disabledReason: null, failingSince: null });
  if (input.isEnabled === false && !existing.disabledAt)
    Object.assign(data, { disabledAt: now, disabledReason: "MANUAL" });
  const webhookEndpoint = await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({ where: endpointWhere(manager, existing.id), data });
    if (!count) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
    if (input.isEnabled === false) await cancelPendingDeliveries(tx, existing.id, now);
    await audit(tx, manager, "webhook.endpoint-update", {
      endpointId: existing.id,
      changed: Object.keys(input).filter((k) => input[k as keyof typeof input] != null),
    });
    return tx.webhookEndpoint.findUniqueOrThrow({ where: { id: existing.id }, select: endpointSelect });
  });
  return { webhookEndpoint };
}

export async function deleteWebhookEndpoint(options: {
  viewer: Viewer;
  id: string;
}): Promise<{ webhookEndpoint: WebhookEndpointRow }> {
  const manager = webhookManager(options.viewer);
  const existing = await findOwn(manager, options.id);
  const now = new Date();
  const webhookEndpoint = await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.updateMany({
      where: endpointWhere(manager, existing.id),
      data: { deletedAt: now, updatedAt: now },
    });
    if (!count) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
    const cancelled = await cancelPendingDeliveries(tx, existing.id, now);
    await audit(tx, manager, "webhook.endpoint-delete", { endpointId: existing.id, cancelled });
    return tx.webhookEndpoint.findUniqueOrThrow({ where: { id: existing.id }, select: endpointSelect });
  });
  return { webhookEndpoint };
}

// A new secret; the old one keeps signing (a second signature in the header) for 24
// hours, so the receiver can switch over without losing a delivery.
export async function rotateWebhookEndpointSecret(options: {
  viewer: Viewer;
  id: string;
}): Promise<{ webhookEndpoint: WebhookEndpointRow; secret: string }> {
  const manager = webhookManager(options.viewer);
  const existing = await findOwn(manager, options.id);
  const secret = generateWebhookSecret();
  const now = new Date();
  const webhookEndpoint = await getPrisma().$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirstOrThrow({
      where: endpointWhere(manager, existing.id),
      select: { secretCiphertext: true },
    });
    await tx.webhookEndpoint.update({
      where: { id: existing.id },
      data: {
        secretCiphertext: encryptSecret(webhookCipherKey(), secret, existing.id),
        previousSecretCiphertext: current.secretCiphertext,
        previousSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_TTL_MS),
        updatedAt: now,
      },
      select: { id: true },
    });
    await audit(tx, manager, "webhook.endpoint-rotate-secret", { endpointId: existing.id });
    return tx.webhookEndpoint.findUniqueOrThrow({ where: { id: existing.id }, select: endpointSelect });
  });
  return { webhookEndpoint, secret };
}

export async function findWebhookEndpoints(options: { viewer: Viewer }): Promise<WebhookEndpointRow[]> {
  const manager = webhookManager(options.viewer);
  return getPrisma().webhookEndpoint.findMany({
    where: endpointWhere(manager),
    orderBy: { createdAt: "asc" },
    select: endpointSelect,
  });
}

const deliverySelect = {
  id: true,
  eventId: true,
  endpointId: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  createdAt: true,
  finishedAt: true,
  event: { select: { type: true, payload: true, createdAt: true } },
  attemptsLog: {
    orderBy: { attemptedAt: "asc" },
    select: { id: true, attemptedAt: true, statusCode: true, latencyMs: true, responseExcerpt: true, error: true },
  },
} satisfies Prisma.WebhookDeliverySelect;

export type WebhookDeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

// An endpoint's deliveries, newest first, with their attempts.
export async function findWebhookDeliveries(options: {
  viewer: Viewer;
  endpointId: string;
  first?: number | null;
  after?: string | null;
}): Promise<Page<WebhookDeliveryRow>> {
  const manager = webhookManager(options.viewer);
  const take = pageSize(options.first);
  const after = decodeCursor(options.after);
  const prisma = getPrisma();
  const endpoint = await findOwn(manager, options.endpointId);
  let before: bigint | null = null;
  if (after) {
    const cursor = await prisma.webhookDelivery.findFirst({
      where: { id: after, endpointId: endpoint.id },
      select: { sequence: true },
    });
    if (!cursor) throw new AppError("INVALID_INPUT", "The `after` cursor is not valid.");
    before = cursor.sequence;
  }
  const [rows, totalCount] = await Promise.all([
    prisma.webhookDelivery.findMany({
      where: { endpointId: endpoint.id, ...(before !== null ? { sequence: { lt: before } } : {}) },
      orderBy: { sequence: "desc" },
      take: take + 1,
      select: deliverySelect,
    }),
    prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } }),
  ]);
  return { nodes: rows.slice(0, take), hasNextPage: rows.length > take, totalCount };
}

function requireEnabled(endpoint: WebhookEndpointRow) {
  if (endpoint.disabledAt) {
    throw new AppError("CONFLICT", "The endpoint is disabled: enable it first, then replay.");
  }
}

// Sends one delivery's event again, as a new delivery (same webhook-id) after the
// endpoint's other pending deliveries for that customer.
export async function replayWebhookDelivery(options: {
  viewer: Viewer;
  id: string;
}): Promise<{ webhookDelivery: WebhookDeliveryRow }> {
  const manager = webhookManager(options.viewer);
  if (!UUID.test(options.id)) throw new AppError("NOT_FOUND", "No such delivery.");
  const prisma = getPrisma();
  const original = await prisma.webhookDelivery.findFirst({
    where: { id: options.id, endpoint: endpointWhere(manager) },
    select: { id: true, eventId: true, endpointId: true, customerId: true },
  });
  if (!original) throw new AppError("NOT_FOUND", "No such delivery.");
  requireEnabled(await findOwn(manager, original.endpointId));
  const webhookDelivery = await prisma.$transaction(async (tx) => {
    const id = await queueDelivery(tx, {
      eventId: original.eventId,
      endpointId: original.endpointId,
      customerId: original.customerId,
    });
    await audit(tx, manager, "webhook.delivery-replay", { endpointId: original.endpointId, deliveryId: original.id });
    return tx.webhookDelivery.findUniqueOrThrow({ where: { id }, select: deliverySelect });
  });
  return { webhookDelivery };
}

const REPLAY_LIMIT = 10_000;

// Sends again every event since a time whose delivery to this endpoint did not succeed
// (FAILED or CANCELLED, and none of its deliveries is pending or succeeded), oldest first.
export async function replayWebhookDeliveries(options: {
  viewer: Viewer;
  input: { endpointId: string; since: Date };
}): Promise<{ webhookEndpoint: WebhookEndpointRow; replayedCount: number }> {
  const manager = webhookManager(options.viewer);
  const endpoint = await findOwn(manager, options.input.endpointId);
  requireEnabled(endpoint);
  const since = options.input.since;
  if (!(since instanceof Date) || Number.isNaN(since.getTime()) || since > new Date()) {
    throw new AppError("INVALID_INPUT", "Choose a time in the past.", [
      { field: ["input", "since"], code: "INVALID_INPUT", message: "Choose a time in the past." },
    ]);
  }
  const prisma = getPrisma();
  const replayedCount = await prisma.$transaction(async (tx) => {
    const rows = await tx.webhookDelivery.findMany({
      where: { endpointId: endpoint.id, createdAt: { gte: since } },
      orderBy: { sequence: "asc" },
      select: { eventId: true, customerId: true, status: true },
      take: REPLAY_LIMIT * 4,
    });
    const done = new Set(rows.filter((r) => r.status === "PENDING" || r.status === "SUCCEEDED").map((r) => r.eventId));
    const seen = new Set<string>();
    const todo = rows.filter((r) => {
      if (done.has(r.eventId) || seen.has(r.eventId)) return false;
      seen.add(r.eventId);
      return true;
    });
    if (todo.length > REPLAY_LIMIT) {
      throw new AppError("INVALID_INPUT", `At most ${REPLAY_LIMIT} events at once: choose a later time.`, [
        { field: ["input", "since"], code: "INVALID_INPUT", message: `At most ${REPLAY_LIMIT} events at once.` },
      ]);
    }
    for (const row of todo) {
      await queueDelivery(tx, { eventId: row.eventId, endpointId: endpoint.id, customerId: row.customerId });
    }
    await audit(tx, manager, "webhook.deliveries-replay", { endpointId: endpoint.id, count: todo.length });
    return todo.length;
  });
  return { webhookEndpoint: endpoint, replayedCount };
}
