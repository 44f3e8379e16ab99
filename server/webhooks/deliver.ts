import "server-only";
import { derivedKey } from "../auth/derived-key";
import { getAuthSecret } from "../auth/secret";
import { getDatabase, getPrisma, type Prisma } from "../db";
import {
  enqueueJobs,
  type JobBatchStep,
  type JobContext,
  type JobRow,
  type JobRunResult,
  type JobSlots,
  registerJobHandler,
  wakeJobs,
} from "../jobs";
import { logEvent } from "../log";
import { enqueueEmail } from "../mail";
import { blockedRecheckMs, WEBHOOK_DELIVER_JOB } from "./events";
import { postWebhook, type SendResult } from "./http";
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
  // (A safety net: the delivery before it wakes it when it finishes.)
  blockedRecheckMs: blockedRecheckMs(),
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

type LoadedDelivery = {
  id: string;
  status: string;
  attempts: number;
  customerId: string | null;
  sequence: bigint;
  nextAttemptAt: Date | null;
  eventId: string;
  type: string;
  body: string;
  endpointId: string;
  shopId: string;
  url: string;
  secretCiphertext: string;
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: Date | null;
  failingSince: Date | null;
  disabledAt: Date | null;
  deletedAt: Date | null;
  isBlocked: boolean;
};

// Deliveries, their events and endpoints, and whether an earlier delivery for the same
// endpoint and customer is pending: one statement (this is the hot path).
const LOAD_DELIVERIES = `SELECT d."id", d."status"::text AS "status", d."attempts", d."customerId", d."sequence"::text AS "sequence",
      d."nextAttemptAt", e."id" AS "eventId", e."type", e."payload"::text AS "body",
      p."id" AS "endpointId", p."shopId", p."url", p."secretCiphertext", p."previousSecretCiphertext",
      p."previousSecretExpiresAt", p."failingSince", p."disabledAt", p."deletedAt",
      (d."customerId" IS NOT NULL AND EXISTS (
        SELECT 1 FROM "WebhookDelivery" b
        WHERE b."endpointId" = d."endpointId" AND b."customerId" = d."customerId"
          AND b."status" = 'PENDING' AND b."sequence" < d."sequence")) AS "isBlocked"
    FROM "WebhookDelivery" d
    JOIN "WebhookEvent" e ON e."id" = d."eventId"
    JOIN "WebhookEndpoint" p ON p."id" = d."endpointId"`;

function toLoaded(row: LoadedDelivery): LoadedDelivery {
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string | Date));
  return {
    ...row,
    attempts: Number(row.attempts),
    sequence: BigInt(row.sequence as unknown as string),
    nextAttemptAt: date(row.nextAttemptAt),
    previousSecretExpiresAt: date(row.previousSecretExpiresAt),
    failingSince: date(row.failingSince),
    disabledAt: date(row.disabledAt),
    deletedAt: date(row.deletedAt),
  };
}

async function loadDelivery(id: string): Promise<LoadedDelivery | null> {
  const rows = await getDatabase().raw.query<LoadedDelivery>(`${LOAD_DELIVERIES} WHERE d."id" = $1::uuid`, [id], {
    name: "webhook-load-delivery",
  });
  return rows[0] ? toLoaded(rows[0]) : null;
}

async function loadDeliveries(ids: string[]): Promise<Map<string, LoadedDelivery>> {
  const rows = await getDatabase().raw.query<LoadedDelivery>(
    `${LOAD_DELIVERIES} WHERE d."id" = ANY($1::uuid[])`,
    [ids],
    { name: "webhook-load-deliveries" },
  );
  return new Map(rows.map((row) => [row.id, toLoaded(row)]));
}

// Serialises, per (endpoint, customer), "is an earlier one pending? then wait" against
// "this one finished: wake the next", so a wake can never fall between the check and the
// wait (each takes this transaction-scoped lock first and reads after it).
async function lockOrder(tx: Tx, endpointId: string, customerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`webhook-order:${endpointId}:${customerId}`}, 0))`;
}

// An earlier delivery for the same endpoint and customer is pending: put this job back
// to sleep until that one finishes (it wakes this one) or, as a safety net,
// blockedRecheckMs. Returns false when the earlier one finished meanwhile.
async function waitForEarlier(delivery: LoadedDelivery, job: JobRow, now: Date): Promise<boolean> {
  return getPrisma().$transaction(async (tx) => {
    await lockOrder(tx, delivery.endpointId, delivery.customerId as string);
    const earlier = await tx.webhookDelivery.findFirst({
      where: {
        endpointId: delivery.endpointId,
        customerId: delivery.customerId,
        status: "PENDING",
        sequence: { lt: delivery.sequence },
      },
      orderBy: { sequence: "asc" },
      select: { id: true },
    });
    if (!earlier) return false;
    // No need to follow the earlier one's retries: it wakes this one when it finishes
    // (under the same lock, so that wake cannot be missed). Deeper ones in the queue are
    // woken one by one down the chain. The time here is only a safety net.
    await tx.job.updateMany({
      where: { id: job.id, status: "RUNNING", claim: job.claim },
      data: {
        status: "QUEUED",
        runAt: new Date(now.getTime() + WEBHOOKS.blockedRecheckMs),
        attempts: 0,
        leaseUntil: null,
      },
    });
    return true;
  });
}

export async function deliverWebhook(deliveryId: string, job?: JobRow): Promise<JobRunResult> {
  const prisma = getPrisma();
  const delivery = await loadDelivery(deliveryId);
  if (delivery?.status !== "PENDING") return;
  const now = new Date();
  if (delivery.deletedAt || delivery.disabledAt) {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookDelivery.updateMany({
        where: { id: delivery.id, status: "PENDING" },
        data: { status: "CANCELLED", finishedAt: now, nextAttemptAt: null },
      });
      if (count && delivery.customerId) {
        await lockOrder(tx, delivery.endpointId, delivery.customerId);
        await wakeSuccessor(tx, {
          endpoint: { id: delivery.endpointId },
          customerId: delivery.customerId,
          sequence: delivery.sequence,
        });
      }
    });
    return;
  }
  // A replay or a wake may come early: keep to the schedule.
  if (isEarly(delivery, now)) return { retryAt: delivery.nextAttemptAt as Date };
  if (delivery.isBlocked && job && (await waitForEarlier(delivery, job, now))) return;
  if (isKnownGone(delivery.endpointId)) return recheckSoon();
  const result = await sendDelivery(delivery, now);
  const attempts = delivery.attempts + 1;
  const finishedAt = new Date();
  if (isPlainSuccess(delivery, result)) {
    WEBHOOKS.testHooks.beforeCommit?.(delivery.id);
    // The job row is finished in the same statement (when this run still holds it).
    await recordPlainSuccess(delivery, attempts, finishedAt, result, job);
    return job ? { settled: true } : undefined;
  }
  return recordOutcome(delivery, result, finishedAt);
}

// Endpoints that answered 410 Gone to this process, until their disabling is surely
// recorded (then every delivery loads it and is cancelled): nothing more is sent to them
// meanwhile, so deliveries loaded before the answer (another lane's batch) do not keep
// calling a receiver that said it is gone. They wait a moment and are looked at again.
const goneEndpoints = new Map<string, number>();
const GONE_MEMORY_MS = 60_000;
const GONE_RECHECK_MS = 1_000;

function isKnownGone(endpointId: string): boolean {
  const at = goneEndpoints.get(endpointId);
  if (at === undefined) return false;
  if (Date.now() - at <= GONE_MEMORY_MS) return true;
  goneEndpoints.delete(endpointId);
  return false;
}

const recheckSoon = (): JobRunResult => ({ retryAt: new Date(Date.now() + GONE_RECHECK_MS) });

function isEarly(delivery: LoadedDelivery, now: Date): boolean {
  return Boolean(delivery.nextAttemptAt && delivery.nextAttemptAt.getTime() > now.getTime() + 50);
}

function isPlainSuccess(delivery: LoadedDelivery, result: SendResult): boolean {
  const isSuccess = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  return isSuccess && !delivery.failingSince && delivery.type !== "customer.recipient_notice";
}

// Signs and sends one attempt of a delivery (the test hooks stand for a worker killed
// just before or just after it).
async function sendDelivery(delivery: LoadedDelivery, now: Date): Promise<SendResult> {
  const key = webhookCipherKey();
  const secrets = [decryptSecret(key, delivery.secretCiphertext, delivery.endpointId)];
  if (delivery.previousSecretCiphertext && delivery.previousSecretExpiresAt && delivery.previousSecretExpiresAt > now) {
    secrets.push(decryptSecret(key, delivery.previousSecretCiphertext, delivery.endpointId));
  }
  const body = delivery.body;
  const timestamp = Math.floor(Date.now() / 1000);
  WEBHOOKS.testHooks.beforeSend?.(delivery.id);
  const result = await postWebhook({
    url: delivery.url,
    body,
    headers: {
      "webhook-id": delivery.eventId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureHeader(secrets, delivery.eventId, timestamp, body),
    },
  });
  if (result.statusCode === 410 && goneEndpoints.size < 10_000) goneEndpoints.set(delivery.endpointId, Date.now());
  WEBHOOKS.testHooks.afterSend?.(delivery.id);
  return result;
}

// Any outcome but a plain success: the attempt, the delivery's new status and next time,
// and what follows for the endpoint, in one transaction.
async function recordOutcome(delivery: LoadedDelivery, result: SendResult, finishedAt: Date): Promise<JobRunResult> {
  const prisma = getPrisma();
  const endpoint = { id: delivery.endpointId, url: delivery.url };
  const body = delivery.body;
  const attempts = delivery.attempts + 1;
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
      if (delivery.failingSince) {
        await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id }, data: { failingSince: null } });
      }
      if (delivery.type === "customer.recipient_notice") {
        const notificationId = (JSON.parse(body) as { data?: { notificationId?: string } }).data?.notificationId;
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
      const since = delivery.failingSince ?? finishedAt;
      if (!delivery.failingSince) {
        await tx.webhookEndpoint.updateMany({
          where: { id: endpoint.id, failingSince: null },
          data: { failingSince: finishedAt },
        });
      } else if (finishedAt.getTime() - since.getTime() >= failingDisableMs()) {
        if (await disableEndpoint(tx, endpoint.id, "FAILING", finishedAt)) {
          await tellPrivacyOfficers(tx, delivery.shopId, endpoint);
          logEvent("warn", { event: "webhook.endpoint-disabled", code: "FAILING" });
        }
      }
    }
    if (status !== "PENDING" && delivery.customerId) {
      await lockOrder(tx, delivery.endpointId, delivery.customerId);
      await wakeSuccessor(tx, { endpoint, customerId: delivery.customerId, sequence: delivery.sequence });
    }
    WEBHOOKS.testHooks.beforeCommit?.(delivery.id);
    return "recorded" as const;
  });
  if (outcome === "superseded" || status !== "PENDING" || !next) return;
  return { retryAt: next };
}

// The common case, a 2xx from a healthy endpoint, in one statement (atomic on its own):
// the delivery SUCCEEDED (fenced on the attempt count), its attempt, and the next
// pending delivery for the same endpoint and customer moved forward.
async function recordPlainSuccess(
  delivery: LoadedDelivery,
  attempts: number,
  at: Date,
  result: { statusCode: number | null; latencyMs: number; body: string },
  job: JobRow | undefined,
): Promise<boolean> {
  const rows = await getDatabase().raw.query<{ ok: boolean }>(
    `SELECT webhook_delivery_succeeded($1::uuid, $2::int, $3::timestamptz, $4::int, $5::int, $6::text, $7::uuid, $8::int) AS "ok"`,
    [delivery.id, attempts, at, result.statusCode, result.latencyMs, result.body, job?.id ?? null, job?.claim ?? 0],
    { name: "webhook-succeeded" },
  );
  return Boolean(rows[0]?.ok);
}

const settled: JobBatchStep = async () => ({ settled: true });
const finishedElsewhere: JobBatchStep = async () => undefined;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The hot path for many jobs at once (the worker claims them in one statement): one read
// of all their deliveries, the sends side by side, and one statement
// (webhook_deliveries_succeeded) for all the plain successes, each fenced on its own
// attempt count as webhook_delivery_succeeded is. Everything else goes the one-by-one
// way of deliverWebhook: a delivery that is cancelled, early or waiting on an earlier
// one runs as its own job (its step is null), and a failure, a 410 or a success that
// needs more than the plain record is recorded by recordOutcome as its job's step. A
// send, a hook or the common write that throws fails only the jobs it concerns, which
// the runner then handles as it would any run's error; nothing of theirs is written, so
// their deliveries stay PENDING and are sent again (at least once).
export async function deliverWebhookBatch(
  jobs: JobRow[],
  options: { slots: JobSlots },
): Promise<(JobBatchStep | null)[]> {
  const deliveries = await loadDeliveries(jobs.filter((job) => UUID.test(job.key)).map((job) => job.key));
  const now = new Date();
  const steps: (JobBatchStep | null)[] = jobs.map(() => null);
  const sending: { index: number; job: JobRow; delivery: LoadedDelivery }[] = [];
  jobs.forEach((job, index) => {
    const delivery = deliveries.get(job.key);
    if (!UUID.test(job.key)) return;
    if (delivery?.status !== "PENDING") steps[index] = finishedElsewhere;
    else if (!delivery.deletedAt && !delivery.disabledAt && !isEarly(delivery, now) && !delivery.isBlocked)
      sending.push({ index, job, delivery });
  });
  // null: not sent, the endpoint answered 410 meanwhile.
  const sent = await Promise.allSettled(
    sending.map(({ delivery }) =>
      options.slots.run(async () => (isKnownGone(delivery.endpointId) ? null : sendDelivery(delivery, now))),
    ),
  );
  const finishedAt = new Date();
  const plain: { index: number; job: JobRow; delivery: LoadedDelivery; result: SendResult }[] = [];
  sent.forEach((outcome, i) => {
    const { index, job, delivery } = sending[i];
    if (outcome.status === "rejected") {
      steps[index] = () => Promise.reject(outcome.reason);
      return;
    }
    const result = outcome.value;
    if (!result) {
      steps[index] = async () => recheckSoon();
      return;
    }
    if (!isPlainSuccess(delivery, result)) {
      steps[index] = () => recordOutcome(delivery, result, finishedAt);
      return;
    }
    try {
      WEBHOOKS.testHooks.beforeCommit?.(delivery.id);
      plain.push({ index, job, delivery, result });
    } catch (error) {
      steps[index] = () => Promise.reject(error);
    }
  });
  if (plain.length) {
    const rows = await getDatabase().raw.query<{ id: string }>(
      `SELECT webhook_deliveries_succeeded($1::uuid[], $2::int[], $3::timestamptz, $4::int[], $5::int[], $6::text[], $7::uuid[], $8::int[]) AS "id"`,
      [
        plain.map((p) => p.delivery.id),
        plain.map((p) => p.delivery.attempts + 1),
        finishedAt,
        plain.map((p) => p.result.statusCode),
        plain.map((p) => p.result.latencyMs),
        plain.map((p) => p.result.body),
        plain.map((p) => p.job.id),
        plain.map((p) => p.job.claim),
      ],
      { name: "webhook-deliveries-succeeded" },
    );
    const recorded = new Set(rows.map((row) => row.id));
    // Recorded: the job was finished in the same statement. Not recorded (the fence did
    // not hold: another run took the job over): the runner's write is fenced too.
    for (const p of plain) steps[p.index] = recorded.has(p.delivery.id) ? settled : finishedElsewhere;
  }
  return steps;
}

registerJobHandler(WEBHOOK_DELIVER_JOB, {
  concurrency: WEBHOOKS.concurrency,
  batch: { size: Number(process.env.WEBHOOK_BATCH) || 128, run: deliverWebhookBatch },
  async run(context: JobContext) {
    const key = context.job.key;
    return deliverWebhook(key, context.job);
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
