import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit";
import { queueRecipientNotifications } from "../audit/recipients";
import { authorize, requireSelf, type Scope } from "../auth/authorize";
import { verifyPassword } from "../auth/password";
import { isRecentlyAuthenticated } from "../auth/reauthenticate";
import { isThrottled, recordFailure, throttleKeys } from "../auth/throttle";
import type { Viewer } from "../auth/viewer";
import { dataMapEntry } from "../data-map";
import { getPrisma, Prisma } from "../db";
import { AppError } from "../errors";
import { enqueueEmail, tryDeliverPendingEmails } from "../mail";
import { invalidInput } from "../validation";
import { queueWebhookEvent } from "../webhooks/events";
import { customerSelect } from "./index";

// GDPR Art. 16 for the email address. The address is also the sign-in name and where
// every receipt goes, so it changes only once the new mailbox has proved it receives
// mail: the customer asks (with their password again), a link goes to the new address,
// and opening it while signed in to the same account makes the change. The old address
// is told that a change was asked for. Only a hash of the link's token is stored.

export const EMAIL_CHANGE = {
  ttlMs: 24 * 60 * 60 * 1000,
  // Requests per customer in any 24 hours, counted in the database.
  maxRequests: 5,
  windowMs: 24 * 60 * 60 * 1000,
};

const TOKEN_BYTES = 32;
// base64url of 32 bytes, no padding.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

// An account opened with a social provider has no password to ask for (`hasPassword`
// false): a recent sign-in with a linked provider stands for it.
const requestSchema = (hasPassword: boolean) =>
  z.object(
    {
      newEmail: z
        .string({ error: "Enter the new email address." })
        .trim()
        .toLowerCase()
        .max(254, "Use at most 254 characters.")
        .pipe(z.email("Enter a valid email address.")),
      password: z
        .string({ error: "Enter your current password." })
        .min(hasPassword ? 1 : 0, "Enter your current password.")
        .max(1024, "Use at most 1024 characters."),
    },
    { error: "Send the new email address and your password." },
  );

const confirmSchema = z.object({
  token: z.string({ error: "The link is not complete." }).trim().regex(TOKEN_PATTERN, "This link is not valid."),
});

export function hashEmailChangeToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function confirmationUrl(shopHandle: string, token: string): string {
  return appUrl(`/${shopHandle}/account/email/confirm?token=${encodeURIComponent(token)}`);
}

// "a•••@example.com": enough for the owner of the old address to recognise (or not) the
// address, without spelling it out to whoever reads that mailbox now.
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

function fieldError(
  code: "INVALID_INPUT" | "CONFLICT" | "RATE_LIMITED" | "FORBIDDEN",
  field: string,
  message: string,
): AppError {
  return new AppError(code, message, [{ field: ["input", field], code, message }]);
}

function customerWhere(scope: Scope) {
  return { id: scope.customerId, shopId: scope.shop.id };
}

// Serialises email changes of one customer (request counting, superseding, confirming).
async function lockCustomer(tx: Prisma.TransactionClient, scope: Scope): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Customer" WHERE "id" = ${scope.customerId}::uuid AND "shopId" = ${scope.shop.id}::uuid FOR UPDATE`;
}

const openRequestWhere = (scope: Scope, now: Date) => ({
  customerId: scope.customerId,
  shopId: scope.shop.id,
  confirmedAt: null,
  cancelledAt: null,
  expiresAt: { gt: now },
});

export type PendingEmailChange = { newEmail: string; expiresAt: Date };

// The open request of the signed-in customer, if any.
export async function getPendingEmailChange(options: {
  viewer: Viewer;
  customerId?: string;
}): Promise<PendingEmailChange | null> {
  const scope = await authorize(options.viewer, "account.read", options.customerId);
  return getPrisma().emailChangeRequest.findFirst({
    where: openRequestWhere(scope, new Date()),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { newEmail: true, expiresAt: true },
  });
}

const TAKEN_MESSAGE = "This email address is already used by an account in this shop. Choose another one.";

export async function requestEmailChange(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
}): Promise<PendingEmailChange> {
  const scope = await authorize(options.viewer, "email.change", options.customerId);
  const prisma = getPrisma();
  const now = new Date();
  const current = await prisma.customer.findFirst({
    where: customerWhere(scope),
    select: { email: true, firstName: true, passwordHash: true },
  });
  if (!current) throw new AppError("NOT_FOUND", "Customer not found.");
  const parsed = requestSchema(current.passwordHash !== null).safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { newEmail, password } = parsed.data;

  // Asking for the password again guards the account's sign-in name against someone at
  // an unattended, signed-in browser. Wrong guesses count toward the sign-in lock-out
  // of the same account, so this form is no way round it.
  const throttle = throttleKeys(scope.shop.id, current.email, null);
  if (await isThrottled(throttle, now)) {
    throw new AppError(
      "RATE_LIMITED",
      "Too many wrong passwords. For your security, wait 15 minutes before trying again.",
    );
  }
  if (current.passwordHash === null) {
    const self = requireSelf(options.viewer);
    if (!isRecentlyAuthenticated(self, now.getTime())) {
      throw fieldError(
        "FORBIDDEN",
        "password",
        "Your account has no password: confirm it's you by signing in again with a provider linked to it.",
      );
    }
  } else if (!(await verifyPassword(password, current.passwordHash))) {
    await recordFailure(throttle, now);
    throw fieldError("INVALID_INPUT", "password", "The password is not right.");
  }
  if (newEmail === current.email) {
    throw fieldError("INVALID_INPUT", "newEmail", "This is already your email address.");
  }

  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE.ttlMs);
  const shop = scope.shop;

  await prisma.$transaction(async (tx) => {
    await lockCustomer(tx, scope);
    const recent = await tx.emailChangeRequest.count({
      where: {
        customerId: scope.customerId,
        shopId: shop.id,
        createdAt: { gt: new Date(now.getTime() - EMAIL_CHANGE.windowMs) },
      },
    });
    if (recent >= EMAIL_CHANGE.maxRequests) {
      throw new AppError(
        "RATE_LIMITED",
        `You can ask for at most ${EMAIL_CHANGE.maxRequests} email changes in 24 hours. Try again tomorrow.`,
      );
    }
    // Sign-up already tells anyone whether an address has an account in this shop; this
    // says no more than that, and only to someone who knows this account's password.
    const taken = await tx.customer.findFirst({
      where: { shopId: shop.id, email: newEmail, id: { not: scope.customerId } },
      select: { id: true },
    });
    if (taken) throw fieldError("CONFLICT", "newEmail", TAKEN_MESSAGE);

    // Only the newest link works.
    await tx.emailChangeRequest.updateMany({
      where: { customerId: scope.customerId, shopId: shop.id, confirmedAt: null, cancelledAt: null },
      data: { cancelledAt: now },
    });
    const request = await tx.emailChangeRequest.create({
      data: {
        customerId: scope.customerId,
        shopId: shop.id,
        newEmail,
        tokenHash: hashEmailChangeToken(token),
        expiresAt,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      shopId: shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "email.change-requested",
      details: { requestId: request.id, expiresAt: expiresAt.toISOString() },
      values: { newEmail },
    });
    const hours = Math.round(EMAIL_CHANGE.ttlMs / 3_600_000);
    await enqueueEmail(tx, {
      shopId: shop.id,
      customerId: scope.customerId,
      to: newEmail,
      kind: "email-change-confirmation",
      subject: `Confirm your new email address for ${shop.name}`,
      text: [
        `Hello ${current.firstName},`,
        "",
        `You asked to use this address for your ${shop.name} account. To confirm, open this link while signed in to your account:`,
        "",
        confirmationUrl(shop.handle, token),
        "",
        `The link works once and for ${hours} hours. Until you open it, your account keeps its current address.`,
        "",
        "If you did not ask for this, ignore this message: nothing changes.",
        "",
        shop.name,
      ].join("\n"),
    });
    await enqueueEmail(tx, {
      shopId: shop.id,
      customerId: scope.customerId,
      to: current.email,
      kind: "email-change-notice",
      subject: `A change of your email address was requested at ${shop.name}`,
      text: [
        `Hello ${current.firstName},`,
        "",
        `Someone signed in to your ${shop.name} account asked to change its email address to ${maskEmail(newEmail)}.`,
        "The change happens only when the link we sent to the new address is opened.",
        "",
        "If this was you, there is nothing more to do here. If it was not, sign in, change your password and contact us: until the link is used, your account keeps this address.",
        "",
        shop.name,
      ].join("\n"),
    });
  });
  // After commit, best effort: what is not sent now stays queued for the mail job.
  await tryDeliverPendingEmails({ shopId: shop.id });
  return { newEmail, expiresAt };
}

const confirmedSelect = customerSelect;

export type ConfirmedCustomer = Prisma.CustomerGetPayload<{ select: typeof confirmedSelect }>;

const LINK_NOT_VALID = "This link is not valid. Open the newest link we sent, or ask for the change again.";

export async function confirmEmailChange(options: {
  viewer: Viewer;
  customerId?: string;
  token: unknown;
}): Promise<ConfirmedCustomer> {
  const scope = await authorize(options.viewer, "email.change", options.customerId);
  const parsed = confirmSchema.safeParse({ token: options.token });
  if (!parsed.success) throw fieldError("INVALID_INPUT", "token", LINK_NOT_VALID);
  const tokenHash = hashEmailChangeToken(parsed.data.token);
  const now = new Date();
  const prisma = getPrisma();

  // Another customer's link is treated as unknown: it says nothing about that request.
  const request = await prisma.emailChangeRequest.findFirst({
    where: { tokenHash, customerId: scope.customerId, shopId: scope.shop.id },
    select: { id: true, newEmail: true, expiresAt: true, confirmedAt: true, cancelledAt: true },
  });
  if (!request) throw new AppError("NOT_FOUND", LINK_NOT_VALID, [notFoundToken()]);
  const problem = requestProblem(request, now);
  if (problem) throw fieldError("INVALID_INPUT", "token", problem);

  try {
    return await prisma.$transaction(async (tx) => {
      await lockCustomer(tx, scope);
      // The claim re-checks every condition under the lock: a link used twice at once
      // changes the address once.
      const claimed = await tx.emailChangeRequest.updateMany({
        where: { id: request.id, confirmedAt: null, cancelledAt: null, expiresAt: { gt: now } },
        data: { confirmedAt: now },
      });
      if (claimed.count !== 1) throw fieldError("INVALID_INPUT", "token", "This link was already used.");
      const current = await tx.customer.findFirst({ where: customerWhere(scope), select: { email: true } });
      if (!current) throw new AppError("NOT_FOUND", "Customer not found.");
      await tx.customer.updateMany({
        where: customerWhere(scope),
        data: { email: request.newEmail, emailVerifiedAt: now, updatedAt: now },
      });
      await recordAuditEvent(tx, {
        shopId: scope.shop.id,
        customerId: scope.customerId,
        ...scope.actor,
        action: "customer.update",
        details: { fields: ["email"], emailChangeRequestId: request.id },
        values: { changes: [{ field: "email", from: current.email, to: request.newEmail }] },
      });
      await queueRecipientNotifications(tx, {
        shop: scope.shop,
        customerId: scope.customerId,
        kind: "RECTIFICATION",
        changes: [{ field: "email", category: emailCategory() }],
        payload: { subject: "customer" },
      });
      await queueWebhookEvent(tx, {
        shopId: scope.shop.id,
        customerId: scope.customerId,
        type: "customer.rectified",
        data: { subject: "customer", fields: ["email"] },
      });
      const updated = await tx.customer.findFirst({ where: customerWhere(scope), select: confirmedSelect });
      if (!updated) throw new AppError("NOT_FOUND", "Customer not found.");
      return updated;
    });
  } catch (error) {
    // Another account took the address after the request was made.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw fieldError("CONFLICT", "token", TAKEN_MESSAGE);
    }
    throw error;
  }
}

function notFoundToken() {
  return { field: ["input", "token"], code: "NOT_FOUND" as const, message: LINK_NOT_VALID };
}

function requestProblem(
  request: { expiresAt: Date; confirmedAt: Date | null; cancelledAt: Date | null },
  now: Date,
): string | null {
  if (request.confirmedAt) return "This link was already used.";
  if (request.cancelledAt) return "A newer request replaced this link. Open the link in the newest email we sent.";
  if (request.expiresAt <= now) return "This link has expired. Ask for the change again.";
  return null;
}

// The category of Customer.email in the personal-data map, so recipients are chosen by
// the same classification as "My data" and the export.
function emailCategory() {
  const entry = dataMapEntry("Customer");
  if (!entry?.isPersonal) throw new Error("The data map has no personal entry for Customer.");
  return entry.fields.email?.category ?? entry.category;
}
