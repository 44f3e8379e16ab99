import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit";
import { queueRecipientNotifications } from "../audit/recipients";
import { authorize, type Scope, tryAuthorize } from "../auth/authorize";
import { confirmIdentity } from "../auth/reauthenticate";
import type { Viewer } from "../auth/viewer";
import { personalModels } from "../data-map";
import { getPrisma, type Prisma } from "../db";
import type { DeletionRequestStatus } from "../db/generated/enums";
import { AppError } from "../errors";
import { expireInvitations } from "../invitations";
import { enqueueJob, type JobContext, registerJobHandler } from "../jobs";
import { logEvent } from "../log";
import { enqueueEmail, tryDeliverPendingEmails } from "../mail";
import { recordSelfServiceRequest } from "../requests/self-service";
import { getExportStorage } from "../storage";
import { findShopById, type ShopRef } from "../tenants";
import { invalidInput } from "../validation";
import { queueWebhookEvent } from "../webhooks/events";
import {
  computePlan,
  ERASURE,
  type ErasureDb,
  eraseAccount,
  placeholderSql,
  prismaErasureDb,
  readAnchors,
} from "./engine";
import { categoriesWithData, type ErasureAnchors, type PlanEntry, RETAINABLE } from "./plan";
import { receiptText } from "./receipt";
import { addSuppression } from "./suppression";

// "Delete my account" (GDPR Art. 17): asked for with the password and a typed word,
// confirmed by a single-use link mailed to the account's address (24 hours), erased by
// a durable job after the shop's grace period (cancellable until then), and ended with
// a receipt to the address on file. The engine (./engine.ts) does the erasing.

export const DELETION = {
  tokenTtlMs: 24 * 60 * 60 * 1000,
  // Requests (each mails a link) per customer in any 24 hours.
  maxPerWindow: 5,
  windowMs: 24 * 60 * 60 * 1000,
  confirmationWord: "DELETE",
  // The receipt goes to an address whose account no longer exists: its outbox row is
  // kept this long (delivery retries, proof it was sent), then the sweep deletes it.
  receiptKeepMs: 30 * 24 * 60 * 60 * 1000,
};

export const ERASURE_JOB = "erasure.run";
export const RETENTION_SWEEP_JOB = "retention.sweep";
export const RECEIPT_RULE = "erasure-receipt";

const DAY_MS = 24 * 60 * 60 * 1000;
const OPEN_STATUSES: DeletionRequestStatus[] = ["AWAITING_CONFIRMATION", "SCHEDULED", "ERASING"];

const requestSelect = {
  id: true,
  shopId: true,
  customerId: true,
  status: true,
  requestedAt: true,
  tokenExpiresAt: true,
  confirmedAt: true,
  scheduledFor: true,
  cancelledAt: true,
  completedAt: true,
} satisfies Prisma.DeletionRequestSelect;

export type DeletionRequestView = Prisma.DeletionRequestGetPayload<{ select: typeof requestSelect }>;

export type DeletionPlanView = {
  warning: string;
  gracePeriodDays: number;
  canReRegister: boolean;
  erasureDate: Date;
  entries: (PlanEntry & { rule: ShopRef["profile"]["retention"][number] | null })[];
};

export function hashDeletionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function deletionConfirmationUrl(shopHandle: string, token: string): string {
  return appUrl(`/${shopHandle}/account/privacy/delete/confirm?token=${encodeURIComponent(token)}`);
}

const ownerOf = (scope: Scope) => ({ customerId: scope.customerId, shopId: scope.shop.id });

// Mail about the deletion to the account's address, in the caller's transaction.
async function mailCustomer(
  tx: Prisma.TransactionClient,
  scope: Scope,
  mail: { kind: string; subject: string; lines: string[] },
): Promise<void> {
  const customer = await tx.customer.findFirstOrThrow({
    where: { id: scope.customerId, shopId: scope.shop.id },
    select: { email: true, firstName: true },
  });
  await enqueueEmail(tx, {
    ...ownerOf(scope),
    to: customer.email,
    kind: mail.kind,
    subject: mail.subject,
    text: [`Hello ${customer.firstName},`, "", ...mail.lines].join("\n"),
  });
}

// The open request (awaiting confirmation, scheduled or running), if any.
export async function getDeletionRequest(options: {
  viewer: Viewer;
  customerId?: string;
}): Promise<DeletionRequestView | null> {
  const scope = await authorize(options.viewer, "deletion.read", options.customerId);
  return getPrisma().deletionRequest.findFirst({
    where: { ...ownerOf(scope), status: { in: OPEN_STATUSES } },
    orderBy: { createdAt: "desc" },
    select: requestSelect,
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// For node(id:): null (never an error) for anything but the signed-in owner's request.
export async function findDeletionRequest(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  id: string;
}): Promise<DeletionRequestView | null> {
  const scope = await tryAuthorize(options.viewer, "deletion.read");
  if (!scope || !UUID.test(options.id)) return null;
  return getPrisma().deletionRequest.findFirst({
    where: { id: options.id, ...ownerOf(scope) },
    select: requestSelect,
  });
}

// What erasure would do if it ran on the scheduled date (or, with nothing scheduled, at
// the end of a grace period starting now): the same plan the engine fixes when it starts.
export async function getDeletionPlan(options: {
  viewer: Viewer;
  customerId?: string;
  now?: Date;
}): Promise<DeletionPlanView> {
  const scope = await authorize(options.viewer, "deletion.read", options.customerId);
  const now = options.now ?? new Date();
  const profile = scope.shop.profile;
  const open = await getDeletionRequest({ viewer: options.viewer });
  const erasureDate = open?.scheduledFor ?? new Date(now.getTime() + profile.deletion.gracePeriodDays * DAY_MS);
  const db = prismaErasureDb();
  const anchors = await readAnchors(db, scope.customerId, scope.shop.id, erasureDate);
  const entries = await computePlan(db, { shop: scope.shop, customerId: scope.customerId, anchors });
  return {
    warning: profile.deletion.warning,
    gracePeriodDays: profile.deletion.gracePeriodDays,
    canReRegister: profile.deletion.canReRegister,
    erasureDate,
    entries: entries.map((e) => ({ ...e, rule: profile.retention.find((r) => r.key === e.ruleKey) ?? null })),
  };
}

const requestSchema = z.object({
  // Not asked of an account without a password (opened with a social provider): a
  // recent sign-in with the provider stands for it (confirmIdentity).
  password: z.string().max(1024).nullish(),
  confirmation: z
    .string({ error: `Type ${DELETION.confirmationWord} to confirm.` })
    .refine(
      (value) => value.trim().toUpperCase() === DELETION.confirmationWord,
      `Type ${DELETION.confirmationWord} to confirm.`,
    ),
});

// Checks the typed word, then the password (counted like sign-in), then mails a link.
// A newer request replaces an unconfirmed one; a scheduled one must be cancelled first.
export async function requestAccountDeletion(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  input: unknown;
}): Promise<DeletionRequestView> {
  const scope = await authorize(options.viewer, "deletion.request", options.customerId);
  const parsed = requestSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const prisma = getPrisma();
  const now = new Date();
  const open = await getDeletionRequest({ viewer: options.viewer });
  if (open && open.status !== "AWAITING_CONFIRMATION") {
    throw new AppError(
      "CONFLICT",
      open.status === "SCHEDULED"
        ? "Your account is already scheduled for deletion. Cancel that first to ask again."
        : "Your account is being deleted.",
    );
  }
  const recent = await prisma.deletionRequest.count({
    where: { ...ownerOf(scope), requestedAt: { gt: new Date(now.getTime() - DELETION.windowMs) } },
  });
  if (recent >= DELETION.maxPerWindow) {
    throw new AppError("RATE_LIMITED", "You asked to delete your account several times today. Try again tomorrow.");
  }
  await confirmIdentity({ viewer: options.viewer, password: parsed.data.password });

  const token = randomBytes(32).toString("base64url");
  const tokenExpiresAt = new Date(now.getTime() + DELETION.tokenTtlMs);
  const created = await prisma.$transaction(async (tx) => {
    const active = await tx.customer.findFirst({
      where: { id: scope.customerId, shopId: scope.shop.id, status: "ACTIVE" },
      select: { id: true },
    });
    if (!active) throw new AppError("CONFLICT", "This account cannot be deleted now.");
    await tx.deletionRequest.updateMany({
      where: { ...ownerOf(scope), status: "AWAITING_CONFIRMATION" },
      data: { status: "SUPERSEDED", cancelledAt: now },
    });
    const request = await tx.deletionRequest.create({
      data: { ...ownerOf(scope), tokenHash: hashDeletionToken(token), tokenExpiresAt, requestedAt: now },
      select: requestSelect,
    });
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "account.deletion-requested",
      details: { requestId: request.id, expiresAt: tokenExpiresAt.toISOString() },
    });
    await queueWebhookEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      type: "customer.erasure_requested",
      data: { requestId: request.id },
    });
    const grace = scope.shop.profile.deletion.gracePeriodDays;
    await mailCustomer(tx, scope, {
      kind: "account-deletion-confirmation",
      subject: `Confirm that you want to delete your ${scope.shop.name} account`,
      lines: [
        `Someone (we hope you) asked to delete your ${scope.shop.name} account. To confirm, open this link while signed in:`,
        "",
        deletionConfirmationUrl(scope.shop.handle, token),
        "",
        "The link works once, for 24 hours.",
        grace > 0
          ? `After you confirm, your account is deleted ${grace} day${grace === 1 ? "" : "s"} later; until then you can cancel in your account.`
          : "After you confirm, your account is deleted at once. This cannot be undone.",
        "",
        "If you did not ask for this, ignore this email and consider changing your password: nothing will be deleted.",
      ],
    });
    return request;
  });
  await tryDeliverPendingEmails({ shopId: scope.shop.id });
  return created;
}

const tokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/);

function tokenError(message: string): AppError {
  return new AppError("INVALID_INPUT", message, [{ field: ["input", "token"], code: "INVALID_INPUT", message }]);
}

const NOT_VALID =
  "This link is not valid for your account. Open it while signed in to the account that asked, or ask again.";

// Confirms with the emailed token, signed in as the customer who asked: the link proves
// the mailbox, the session the account. Schedules erasure after the grace period.
export async function confirmAccountDeletion(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  input: unknown;
}): Promise<DeletionRequestView> {
  const scope = await authorize(options.viewer, "deletion.confirm", options.customerId);
  const input = z.object({ token: z.unknown() }).safeParse(options.input);
  const token = tokenSchema.safeParse(input.success ? input.data.token : undefined);
  if (!token.success) throw tokenError(NOT_VALID);
  const prisma = getPrisma();
  const now = new Date();
  const found = await prisma.deletionRequest.findFirst({
    where: { tokenHash: hashDeletionToken(token.data), ...ownerOf(scope) },
    select: { ...requestSelect },
  });
  if (!found) throw tokenError(NOT_VALID);
  switch (found.status) {
    case "CANCELLED":
      throw tokenError(
        "This deletion request was cancelled, so nothing will be deleted. Ask again if you still want to.",
      );
    case "SUPERSEDED":
      throw tokenError("A newer confirmation link was sent. Use the link in the latest email.");
    case "SCHEDULED":
    case "ERASING":
    case "COMPLETED":
      throw tokenError("This link was already used.");
    case "AWAITING_CONFIRMATION":
      break;
  }
  if (!found.tokenExpiresAt || found.tokenExpiresAt <= now) {
    throw tokenError("This link expired (links work for 24 hours). Ask again to get a new one.");
  }
  const grace = scope.shop.profile.deletion.gracePeriodDays;
  const scheduledFor = new Date(now.getTime() + grace * DAY_MS);
  const confirmed = await prisma.$transaction(async (tx) => {
    // The claim re-checks the state: a link opened twice at once confirms once, and a
    // cancel that won the race stays cancelled.
    const claimed = await tx.deletionRequest.updateMany({
      where: { id: found.id, status: "AWAITING_CONFIRMATION", tokenExpiresAt: { gt: now } },
      data: { status: "SCHEDULED", confirmedAt: now, scheduledFor },
    });
    if (claimed.count !== 1) throw tokenError("This link was already used or the request was cancelled.");
    await tx.customer.updateMany({
      where: { id: scope.customerId, shopId: scope.shop.id },
      data: { status: "DELETION_SCHEDULED", updatedAt: now },
    });
    await enqueueJob(tx, {
      kind: ERASURE_JOB,
      key: found.id,
      payload: { requestId: found.id },
      runAt: scheduledFor,
      maxAttempts: 10,
    });
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "account.deletion-confirmed",
      details: { requestId: found.id, scheduledFor: scheduledFor.toISOString() },
    });
    if (grace > 0) {
      await mailCustomer(tx, scope, {
        kind: "account-deletion-scheduled",
        subject: `Your ${scope.shop.name} account will be deleted on ${scheduledFor.toISOString().slice(0, 10)}`,
        lines: [
          `You confirmed that you want to delete your ${scope.shop.name} account. It will be deleted on ${scheduledFor.toUTCString()}.`,
          "",
          `Until then you can cancel: sign in and open ${appUrl(`/${scope.shop.handle}/account/privacy/delete`)}`,
        ],
      });
    }
    return tx.deletionRequest.findUniqueOrThrow({ where: { id: found.id }, select: requestSelect });
  });
  await tryDeliverPendingEmails({ shopId: scope.shop.id });
  return confirmed;
}

// Cancels the open request before erasure starts.
export async function cancelAccountDeletion(options: {
  viewer: Viewer;
  customerId?: string;
}): Promise<DeletionRequestView> {
  const scope = await authorize(options.viewer, "deletion.cancel", options.customerId);
  const now = new Date();
  const cancelled = await getPrisma().$transaction(async (tx) => {
    const open = await tx.deletionRequest.findFirst({
      where: { ...ownerOf(scope), status: { in: OPEN_STATUSES } },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true },
    });
    if (!open) throw new AppError("NOT_FOUND", "There is no deletion request to cancel.");
    const claimed = await tx.deletionRequest.updateMany({
      where: { id: open.id, status: { in: ["AWAITING_CONFIRMATION", "SCHEDULED"] } },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (claimed.count !== 1) {
      throw new AppError("CONFLICT", "Erasure has already started and can no longer be cancelled.");
    }
    await tx.customer.updateMany({
      where: { id: scope.customerId, shopId: scope.shop.id, status: "DELETION_SCHEDULED" },
      data: { status: "ACTIVE", updatedAt: now },
    });
    // The job would find the request cancelled and do nothing; removing it keeps the
    // queue clean.
    await tx.job.deleteMany({ where: { kind: ERASURE_JOB, key: open.id, status: "QUEUED" } });
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "account.deletion-cancelled",
      details: { requestId: open.id, wasScheduled: open.status === "SCHEDULED" },
    });
    if (open.status === "SCHEDULED") {
      await mailCustomer(tx, scope, {
        kind: "account-deletion-cancelled",
        subject: `Your ${scope.shop.name} account will not be deleted`,
        lines: [
          `The deletion of your ${scope.shop.name} account was cancelled; nothing was deleted.`,
          "",
          "If you did not cancel it, sign in and change your password.",
        ],
      });
    }
    return tx.deletionRequest.findUniqueOrThrow({ where: { id: open.id }, select: requestSelect });
  });
  await tryDeliverPendingEmails({ shopId: scope.shop.id });
  return cancelled;
}

type StartedRequest = {
  id: string;
  shopId: string;
  customerId: string;
  anchors: ErasureAnchors;
  step: string | null;
};

// Moves a due SCHEDULED request to ERASING, fixing everything a re-run needs, and stops
// the account at once: sessions revoked, password removed, address suppressed. Returns
// the running request (also when an earlier run started it), or null when there is
// nothing to do (cancelled, completed, not yet due).
async function startErasure(requestId: string, now: Date): Promise<StartedRequest | null> {
  const prisma = getPrisma();
  const request = await prisma.deletionRequest.findUnique({
    where: { id: requestId },
    select: { shopId: true, customerId: true, status: true, scheduledFor: true },
  });
  // Read before the transaction: on the embedded database a statement outside it would
  // wait for it to end.
  const shop = request ? await findShopById({ id: request.shopId }) : null;
  if (!request || !shop) return null;
  const isDue = request.status === "SCHEDULED" && request.scheduledFor !== null && request.scheduledFor <= now;
  // The plan counts every data set of the account (a statement per model, growing with
  // its size): done before the transaction, so the request row is locked only for the
  // writes below. Nothing else changes the account once it is due (no sign-in, no order).
  let prepared: { anchors: ErasureAnchors; plan: PlanEntry[] } | null = null;
  if (isDue) {
    const db = prismaErasureDb();
    const anchors = await readAnchors(db, request.customerId, request.shopId, now);
    prepared = { anchors, plan: await computePlan(db, { shop, customerId: request.customerId, anchors }) };
  }
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { id: string; shopId: string; customerId: string; status: DeletionRequestStatus; scheduledFor: Date | null }[]
    >`SELECT "id", "shopId", "customerId", "status", "scheduledFor" FROM "DeletionRequest" WHERE "id" = ${requestId}::uuid FOR UPDATE`;
    if (!row) return null;
    if (row.status === "SCHEDULED") {
      // Cancelled or rescheduled meanwhile: the state under the lock decides.
      if (!prepared || !row.scheduledFor || row.scheduledFor > now) return null;
      const { anchors, plan } = prepared;
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: row.customerId }, select: { email: true } });
      await tx.deletionRequest.update({
        where: { id: row.id },
        data: {
          status: "ERASING",
          startedAt: now,
          anchors,
          plan: plan as unknown as Prisma.InputJsonValue,
          receiptTo: customer.email,
          step: null,
        },
      });
      await tx.session.updateMany({ where: { customerId: row.customerId, revokedAt: null }, data: { revokedAt: now } });
      await tx.customer.update({ where: { id: row.customerId }, data: { passwordHash: null } });
      await addSuppression(tx, { shopId: row.shopId, email: customer.email, reason: "erasure" });
      await recordAuditEvent(tx, {
        shopId: row.shopId,
        customerId: row.customerId,
        actorType: "SYSTEM",
        actorId: null,
        action: "account.erasure-started",
        details: { requestId: row.id },
      });
      return { id: row.id, shopId: row.shopId, customerId: row.customerId, anchors, step: null };
    }
    if (row.status === "ERASING") {
      const stored = await tx.deletionRequest.findUniqueOrThrow({
        where: { id: row.id },
        select: { anchors: true, step: true },
      });
      return {
        id: row.id,
        shopId: row.shopId,
        customerId: row.customerId,
        anchors: stored.anchors as unknown as ErasureAnchors,
        step: stored.step,
      };
    }
    return null;
  });
}

async function deleteExportFiles(db: ErasureDb, customerId: string, shopId: string): Promise<void> {
  const storage = getExportStorage();
  for (;;) {
    const rows = await db.query<{ id: string; storageKey: string }>(
      `SELECT "id", "storageKey" FROM "Export" WHERE "customerId" = $1::uuid AND "shopId" = $2::uuid AND "storageKey" IS NOT NULL LIMIT 100`,
      customerId,
      shopId,
    );
    if (!rows.length) return;
    for (const row of rows) {
      await storage.delete(row.storageKey);
      await db.execute(`UPDATE "Export" SET "storageKey" = NULL WHERE "id" = $1::uuid`, row.id);
    }
  }
}

// The last step, in one transaction: the receipt (to the address fixed at the start),
// erasure notices for the shop's recipients (GDPR Art. 19), the audit event, COMPLETED.
async function finishErasure(request: StartedRequest, shop: ShopRef, now: Date): Promise<void> {
  await getPrisma().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { status: DeletionRequestStatus; receiptTo: string | null; plan: unknown; requestedAt: Date }[]
    >`SELECT "status", "receiptTo", "plan", "requestedAt" FROM "DeletionRequest" WHERE "id" = ${request.id}::uuid FOR UPDATE`;
    if (row?.status !== "ERASING") return;
    const plan = (row.plan ?? []) as PlanEntry[];
    await queueRecipientNotifications(tx, {
      shop,
      customerId: request.customerId,
      kind: "ERASURE",
      changes: categoriesWithData(plan).map((category) => ({ field: category, category })),
      payload: { subject: "account", action: "erase", requestId: request.id },
    });
    if (row.receiptTo) {
      const email = await enqueueEmail(tx, {
        shopId: shop.id,
        customerId: null,
        to: row.receiptTo,
        kind: RECEIPT_RULE,
        subject: `Your ${shop.name} account was deleted`,
        text: receiptText({ shop, plan, requestedAt: row.requestedAt, completedAt: now }),
      });
      await tx.outboundEmail.update({
        where: { id: email.id },
        data: { retentionRule: RECEIPT_RULE, retainedUntil: new Date(now.getTime() + DELETION.receiptKeepMs) },
        select: { id: true },
      });
    }
    await recordAuditEvent(tx, {
      shopId: shop.id,
      customerId: request.customerId,
      actorType: "SYSTEM",
      actorId: null,
      action: "account.erased",
      details: {
        requestId: request.id,
        deleted: plan.filter((e) => e.action === "DELETE").reduce((n, e) => n + e.count, 0),
        anonymised: plan.filter((e) => e.action === "ANONYMISE").reduce((n, e) => n + e.count, 0),
        retained: plan.filter((e) => e.action === "RETAIN").reduce((n, e) => n + e.count, 0),
      },
    });
    await queueWebhookEvent(tx, {
      shopId: shop.id,
      customerId: request.customerId,
      type: "customer.erased",
      data: { requestId: request.id },
    });
    // Requests still open end with the account: withdrawn, so they leave the staff queue
    // and are not counted late.
    await tx.$executeRaw`
      WITH closed AS (
        UPDATE "RightsRequest" SET "status" = 'WITHDRAWN', "withdrawnAt" = ${now}, "updatedAt" = ${now}
         WHERE "customerId" = ${request.customerId}::uuid AND "shopId" = ${shop.id}::uuid
           AND "status" IN ('AWAITING_VERIFICATION', 'OPEN')
        RETURNING "id")
      INSERT INTO "RightsRequestEvent" ("id", "requestId", "kind", "actorType", "message", "at")
      SELECT gen_random_uuid(), "id", 'WITHDRAWN', 'SYSTEM', 'The account was deleted.', ${now} FROM closed`;
    // The deletion, in the request history and metrics (server/requests). It was asked
    // for by the customer: only they can ask (authorize refuses agents and API keys
    // "deletion.request"), and the request row keeps no other actor.
    await recordSelfServiceRequest(tx, {
      shop,
      customerId: request.customerId,
      type: "ERASURE",
      actor: { actorType: "CUSTOMER", actorId: request.customerId, impersonationId: null },
      receivedAt: row.requestedAt,
      now,
    });
    await ERASURE.testHooks.inFinish?.();
    await tx.deletionRequest.update({
      where: { id: request.id },
      data: { status: "COMPLETED", completedAt: now, receiptTo: null, step: "finish" },
      select: { id: true },
    });
  });
}

// Runs (or resumes) the erasure of one request. Idempotent: re-running a finished or
// cancelled request does nothing.
export async function runErasure(options: {
  requestId: string;
  now?: Date;
  db?: ErasureDb;
  heartbeat?: () => Promise<void>;
}): Promise<"erased" | "nothing-to-do"> {
  const now = options.now ?? new Date();
  const started = await startErasure(options.requestId, now);
  if (!started) return "nothing-to-do";
  await ERASURE.testHooks.afterStep?.("start");
  const shop = await findShopById({ id: started.shopId });
  if (!shop) throw Object.assign(new Error("shop gone"), { code: "SHOP_NOT_FOUND" });
  const db = options.db ?? prismaErasureDb();
  await eraseAccount(db, {
    requestId: started.id,
    shop,
    customerId: started.customerId,
    anchors: started.anchors,
    lastStep: started.step,
    heartbeat: options.heartbeat,
    steps: {
      deleteFiles: (d) => deleteExportFiles(d, started.customerId, started.shopId),
      finish: () => finishErasure(started, shop, now),
    },
  });
  logEvent("info", { event: "erasure.completed", shop: shop.handle });
  return "erased";
}

// The retention sweep: rows kept after erasure whose date has passed get what erasure
// would have done without the rule (invoices and certificates deleted, orders
// anonymised), and erasure receipts past their keeping time are deleted. The job also
// expires invitations not accepted in time (runRetentionSweep).
export async function sweepRetention(options: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const limit = options.batchSize ?? 2000;
  const db = prismaErasureDb();
  const due = (table: string) =>
    `SELECT "id" FROM "${table}" WHERE "retainedUntil" <= $1::timestamptz AND "customerId" IS NULL LIMIT ${limit}`;
  const statements = [
    ...Object.keys(RETAINABLE).map((model) => {
      const entry = personalModels().find((e) => e.model === model);
      if (entry?.erasure.action !== "retain-if-required") throw new Error(`${model} is not retainable`);
      const otherwise = entry.erasure.otherwise;
      if (otherwise.action === "delete") return `DELETE FROM "${model}" WHERE "id" IN (${due(model)})`;
      const sets = Object.entries(otherwise.placeholders).map(([f, v]) => `"${f}" = ${placeholderSql(v)}`);
      return `UPDATE "${model}" SET ${[...sets, `"retentionRule" = NULL`, `"retainedUntil" = NULL`].join(", ")} WHERE "id" IN (${due(model)})`;
    }),
    `DELETE FROM "OutboundEmail" WHERE "id" IN (${due("OutboundEmail")})`,
  ];
  let purged = 0;
  for (const sql of statements) {
    for (;;) {
      const n = await db.execute(sql, now.toISOString());
      purged += n;
      if (n < limit) break;
    }
  }
  if (purged) logEvent("info", { event: "retention.sweep", count: purged });
  return purged;
}

registerJobHandler(ERASURE_JOB, {
  async run(context: JobContext) {
    const payload = context.job.payload as { requestId?: unknown };
    if (typeof payload?.requestId !== "string") throw Object.assign(new Error("bad payload"), { code: "BAD_PAYLOAD" });
    await runErasure({ requestId: payload.requestId, heartbeat: context.heartbeat });
    const row = await getPrisma().deletionRequest.findUnique({
      where: { id: payload.requestId },
      select: { shopId: true },
    });
    if (row) await tryDeliverPendingEmails({ shopId: row.shopId });
  },
});

// The retention sweep job: rows kept after erasure, then invited friends' details past
// their time (server/invitations).
export async function runRetentionSweep(options: { now?: Date } = {}): Promise<number> {
  return (await sweepRetention(options)) + (await expireInvitations(options));
}

registerJobHandler(RETENTION_SWEEP_JOB, {
  async run() {
    await runRetentionSweep();
  },
  nextRunAt: (now) => new Date(now.getTime() + 6 * 60 * 60 * 1000),
});

export async function scheduleRetentionSweep(): Promise<void> {
  await enqueueJob(getPrisma(), { kind: RETENTION_SWEEP_JOB, key: "all" });
}
