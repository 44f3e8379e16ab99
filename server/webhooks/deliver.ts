import "server-only";
import { derivedKey } from "../auth/derived-key";
import { getAuthSecret } from "../auth/secret";
import { getPrisma, type Prisma } from "../db";
import { enqueueJobs, type JobContext, type JobRunResult, registerJobHandler, wakeJobs } from "../jobs";
import { logEvent } from "../log";
import { enqueueEmail } from "../mail";
import { WEBHOOK_DELIVER_JOB } from "./events";
import { postWebhook } from "./http";
import { failingDisableMs, nextAttemptAt } from "./schedule";
import { decryptSecret, signatureHeader } from "./signing";

// Delivery of one event to one endpoint: a durable job ("webhook.deliver", key = the
// delivery's id) per delivery. What is guaranteed:
//
// - AT LEAST ONCE. The job re-reads the delivery each time it runs and only a PENDING
//   delivery is sent; the outcome (attempt row, new status, next time) is written in
//   one transaction fenced on the attempt count it read. A worker killed after the
//   receiver answered but before that commit leaves the delivery PENDING and the job
//   RUNNING under a lease; once the lease runs out another worker claims it and sends
//   again. Receivers deduplicate on `webhook-id` (the event's id, the same on every
//   attempt and replay).
// - IN ORDER PER (ENDPOINT, CUSTOMER). A delivery is not attempted while an earlier one
//   (lower `sequence`) for the same endpoint and customer is PENDING; its job hands the
//   worker back and comes again when that one finishes (the finishing transaction
//   moves the next one's job forward) or, at the latest, at the earlier one's next
//   attempt. It waits only on strictly earlier deliveries, so the earliest pending one
//   is never blocked (no deadlock); and only on the same customer's, so other
//   customers' deliveries go on. An earlier delivery that ends FAILED or CANCELLED
//   releases the later ones. Events without a customer are not ordered. Deliveries
//   made by concurrent transactions are ordered by the sequence each got, which may
//   differ from their commit order.
// - Attempts: immediately, then after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h
//   and 24 h; then FAILED. 2xx is success; anything else (3xx included: redirects
//   are not followed) is a failure; 410 Gone disables the endpoint at once and cancels
//   its pending deliveries. An endpoint that has failed without a success for 5 days is
//   disabled (FAILING) and the shop's privacy officers are emailed.

export const WEBHOOKS = {
  // How long a delivery waiting on an earlier one (in flight) looks again at the latest.
  blockedRecheckMs: Number(process.env.WEBHOOK_BLOCKED_RECHECK_MS) || 5_000,
  // Deliveries one worker sends at once (WEBHOOK_CONCURRENCY).
  concurrency: Number(process.env.WEBHOOK_CONCURRENCY) || 16,
  // Fault injection for tests: throwing from a hook stops the run there as a killed
  // worker would (see JobLeaseLostError in server/jobs: nothing is written back).
  testHooks: {} as {
    beforeSend?: (deliveryId: string) => void;
    afterSend?: (deliveryId: string) => void;
    beforeCommit?: (deliveryId: string) => void;
  },
};

export function webhookCipherKey(): Buffer {
  return derivedKey(getAuthSecret(), "webhook-secret");
}

const deliverySelect = {
  id: true,
  status: true,
  attempts: true,
  customerId: true,
  sequence: true,
  nextAttemptAt: true,
  event: { select: { id: true, type: true, payload: true } },
  endpoint: {
    select: {
      id: true,
      shopId: true,
      url: true,
      secretCiphertext: true,
      previousSecretCiphertext: true,
      previousSecretExpiresAt: true,
      failingSince: true,
      disabledAt: true,
      deletedAt: true,
    },
  },
} satisfies Prisma.WebhookDeliverySelect;

type Tx = Prisma.TransactionClient;

// The next pending delivery of the same endpoint and customer: its job may go now.
async function wakeSuccessor(
  tx: Tx,
  delivery: { endpoint: { id: string }; customerId: string | null; sequence: bigint },
): Promise<void> {
  if (!delivery.customerId) return;
  const next = await tx.webhookDelivery.findFirst({
    where: {
      endpointId: delivery.endpoint.id,
      customerId: delivery.customerId,
      status: "PENDING",
      sequence: { gt: delivery.sequence },
    },
    orderBy: { sequence: "asc" },
    select: { id: true },
  });
  if (next) await wakeJobs(tx, { kind: WEBHOOK_DELIVER_JOB, keys: [next.id] });
}

// Cancels every pending delivery of an endpoint (disabled or deleted).
export async function cancelPendingDeliveries(tx: Tx, endpointId: string, now: Date): Promise<number> {
  const { count } = await tx.webhookDelivery.updateMany({
    where: { endpointId, status: "PENDING" },
    data: { status: "CANCELLED", finishedAt: now, nextAttemptAt: null },
  });
  return count;
}

async function disableEndpoint(tx: Tx, endpointId: string, reason: "GONE" | "FAILING", now: Date): Promise<boolean> {
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, disabledAt: null },
    data: { disabledAt: now, disabledReason: reason, updatedAt: now },
  });
  if (count) await cancelPendingDeliveries(tx, endpointId, now);
  return count > 0;
}

async function tellPrivacyOfficers(tx: Tx, shopId: string, endpoint: { id: string; url: string }) {
  const officers = await tx.agent.findMany({
    where: { shopId, role: "PRIVACY_OFFICER", disabledAt: null },
    select: { email: true },
  });
  const host = new URL(endpoint.url).host;
  for (const officer of officers) {
    await enqueueEmail(tx, {
      shopId,
      customerId: null,
      to: officer.email,
      subject: "A webhook endpoint was disabled after 5 days of failed deliveries",
      text: [
        `Every delivery to the webhook endpoint at ${host} has failed for 5 days, so it was disabled.`,
        "Its pending deliveries were cancelled. Once the receiver works again, enable the endpoint",
        "in the support console (or with webhookEndpointUpdate) and replay what it missed",
        "(webhookDeliveriesReplay).",
        "",
        `Endpoint id: ${endpoint.id}`,
      ].join("\n"),
      kind: "webhook.endpoint-disabled",
    });
  }
}

export async function deliverWebhook(deliveryId: string): Promise<JobRunResult> {
  const prisma = getPrisma();
  const delivery = await prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, select: deliverySelect });
  if (delivery?.status !== "PENDING") return;
  const { endpoint } = delivery;
  const now = new Date();
  if (endpoint.deletedAt || endpoint.disabledAt) {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id: delivery.id, status: "PENDING" },
        data: { status: "CANCELLED", finishedAt: now, nextAttemptAt: null },
      });
      if (count) await wakeSuccessor(tx, delivery);
    });
    return;
  }
  // A replay or a wake may come early: keep to the schedule.
  if (delivery.nextAttemptAt && delivery.nextAttemptAt.getTime() > now.getTime() + 50) {
    return { retryAt: delivery.nextAttemptAt };
  }
  if (delivery.customerId) {
    const earlier = await prisma.webhookDelivery.findFirst({
      where: {
        endpointId: endpoint.id,
        customerId: delivery.customerId,
        status: "PENDING",
        sequence: { lt: delivery.sequence },
      },
      orderBy: { sequence: "asc" },
      select: { nextAttemptAt: true },
    });
    if (earlier) {
      const fallback = now.getTime() + WEBHOOKS.blockedRecheckMs;
      const at = earlier.nextAttemptAt && earlier.nextAttemptAt.getTime() > fallback ? earlier.nextAttemptAt : null;
      return { retryAt: new Date(at ? at.getTime() + 1_000 : fallback) };
    }
  }

  const key = webhookCipherKey();
  const secrets = [decryptSecret(key, endpoint.secretCiphertext, endpoint.id)];
  if (endpoint.previousSecretCiphertext && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(decryptSecret(key, endpoint.previousSecretCiphertext, endpoint.id));
  }
  const body = JSON.stringify(delivery.event.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  WEBHOOKS.testHooks.beforeSend?.(delivery.id);
  const result = await postWebhook({
    url: endpoint.url,
    body,
    headers: {
      "webhook-id": delivery.event.id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureHeader(secrets, delivery.event.id, timestamp, body),
    },
  });
  WEBHOOKS.testHooks.afterSend?.(delivery.id);

  const attempts = delivery.attempts + 1;
  const finishedAt = new Date();
  const isSuccess = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const isGone = result.statusCode === 410;
  const next = isSuccess || isGone ? null : nextAttemptAt(attempts, finishedAt);
  const status = isSuccess ? "SUCCEEDED" : next ? "PENDING" : "FAILED";
  const outcome = await prisma.$transaction(async (tx) => {
    // Fenced on the attempt count read above: a run that lost its lease to another
    // worker, which already wrote this attempt, writes nothing.
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, status: "PENDING", attempts: delivery.attempts },
      data: { attempts, status, nextAttemptAt: next, finishedAt: status === "PENDING" ? null : finishedAt },
    });
    if (!count) return "superseded" as const;
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        attemptedAt: finishedAt,
        statusCode: result.statusCode,
        latencyMs: result.latencyMs,
        responseExcerpt: result.body,
        error: result.error,
      },
      select: { id: true },
    });
    if (isSuccess) {
      if (endpoint.failingSince) {
        await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { failingSince: null } });
      }
      if (delivery.event.type === "customer.recipient_notice") {
        const notificationId = (delivery.event.payload as { data?: { notificationId?: string } }).data?.notificationId;
        if (notificationId) {
          await tx.recipientNotification.updateMany({
            where: { id: notificationId, status: "PENDING" },
            data: { status: "DELIVERED", deliveredAt: finishedAt },
          });
        }
      }
    } else if (isGone) {
      await disableEndpoint(tx, endpoint.id, "GONE", finishedAt);
    } else {
      const since = endpoint.failingSince ?? finishedAt;
      if (!endpoint.failingSince) {
        await tx.webhookEndpoint.updateMany({
          where: { id: endpoint.id, failingSince: null },
          data: { failingSince: finishedAt },
        });
      } else if (finishedAt.getTime() - since.getTime() >= failingDisableMs()) {
        if (await disableEndpoint(tx, endpoint.id, "FAILING", finishedAt)) {
          await tellPrivacyOfficers(tx, endpoint.shopId, endpoint);
          logEvent("warn", { event: "webhook.endpoint-disabled", code: "FAILING" });
        }
      }
    }
    if (status !== "PENDING") await wakeSuccessor(tx, delivery);
    WEBHOOKS.testHooks.beforeCommit?.(delivery.id);
    return "recorded" as const;
  });
  if (outcome === "superseded" || status !== "PENDING" || !next) return;
  return { retryAt: next };
}

registerJobHandler(WEBHOOK_DELIVER_JOB, {
  concurrency: WEBHOOKS.concurrency,
  async run(context: JobContext) {
    const key = context.job.key;
    return deliverWebhook(key);
  },
});

// Queues a new delivery of an event to an endpoint (replays), in the caller's transaction.
export async function queueDelivery(
  tx: Tx,
  input: { eventId: string; endpointId: string; customerId: string | null },
): Promise<string> {
  const created = await tx.webhookDelivery.create({
    data: { ...input, nextAttemptAt: new Date() },
    select: { id: true },
  });
  await enqueueJobs(tx, { kind: WEBHOOK_DELIVER_JOB, keys: [created.id], maxAttempts: 50 });
  return created.id;
}
