import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { appUrl } from "../app-url";
import { getPrisma, type Prisma } from "../db";
import { AppError } from "../errors";
import { enqueueEmail } from "../mail";
import { findShopById, type ShopRef } from "../tenants";
import { auditConsentChanges, currentConsents, lockConsents, recordConsent, type WrittenChange } from "./ledger";
import { type ConsentPurpose, consentPurposes } from "./purposes";
import type { ConsentActor } from "./state";

// Double opt-in. Granting email marketing in a shop whose profile requires it records
// PENDING and mails a link; following it records GRANTED with opt-in level CONFIRMED.
// The link proves the mailbox, so it works without signing in. One link covers every
// email purpose pending when it was sent; only the newest link works; a link works once,
// for 7 days. Only a sha256 of its token is stored. Opening the link (GET) changes
// nothing: the page asks for a click, because mail scanners prefetch links.

export const CONSENT_CONFIRMATION = {
  ttlMs: 7 * 24 * 60 * 60 * 1000,
  // Confirmation emails per customer in any 24 hours.
  maxPerWindow: 10,
  windowMs: 24 * 60 * 60 * 1000,
};

const TOKEN_BYTES = 32;
const tokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/);

export function hashConsentToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function consentConfirmationUrl(shopHandle: string, token: string): string {
  return appUrl(`/${shopHandle}/subscriptions/confirm?token=${encodeURIComponent(token)}`);
}

const openWhere = (owner: { shopId: string; customerId: string }, now: Date) => ({
  shopId: owner.shopId,
  customerId: owner.customerId,
  confirmedAt: null,
  cancelledAt: null,
  expiresAt: { gt: now },
});

// Purpose keys covered by a link that still works.
export async function liveConfirmationKeys(
  tx: Prisma.TransactionClient,
  owner: { shopId: string; customerId: string },
  now: Date,
): Promise<Set<string>> {
  const rows = await tx.consentConfirmation.findMany({ where: openWhere(owner, now), select: { purposeKeys: true } });
  return new Set(rows.flatMap((r) => r.purposeKeys));
}

// Mails a new link for every email purpose now pending, replacing older links. Runs in
// the transaction that recorded the PENDING state, under the customer's lock.
export async function sendConsentConfirmation(
  tx: Prisma.TransactionClient,
  input: { shop: ShopRef; customerId: string },
): Promise<void> {
  const { shop, customerId } = input;
  const owner = { shopId: shop.id, customerId };
  const now = new Date();
  const recent = await tx.consentConfirmation.count({
    where: { ...owner, createdAt: { gt: new Date(now.getTime() - CONSENT_CONFIRMATION.windowMs) } },
  });
  if (recent >= CONSENT_CONFIRMATION.maxPerWindow) {
    throw new AppError(
      "RATE_LIMITED",
      `We sent you ${CONSENT_CONFIRMATION.maxPerWindow} confirmation emails in the last 24 hours. Open the newest one, or try again tomorrow.`,
    );
  }
  const current = await currentConsents(tx, owner);
  const pending = consentPurposes(shop.profile).filter(
    (p) => p.requiresConfirmation && current.get(p.key)?.state === "PENDING",
  );
  if (pending.length === 0) return;
  const customer = await tx.customer.findFirst({
    where: { id: customerId, shopId: shop.id },
    select: { email: true, firstName: true },
  });
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");

  await tx.consentConfirmation.updateMany({
    where: { ...owner, confirmedAt: null, cancelledAt: null },
    data: { cancelledAt: now },
  });
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  await tx.consentConfirmation.create({
    data: {
      ...owner,
      purposeKeys: pending.map((p) => p.key),
      tokenHash: hashConsentToken(token),
      expiresAt: new Date(now.getTime() + CONSENT_CONFIRMATION.ttlMs),
      createdAt: now,
    },
    select: { id: true },
  });
  const days = Math.round(CONSENT_CONFIRMATION.ttlMs / 86_400_000);
  await enqueueEmail(tx, {
    shopId: shop.id,
    customerId,
    to: customer.email,
    kind: "consent-confirmation",
    subject: `Confirm your subscription to ${shop.name} emails`,
    text: [
      `Hello ${customer.firstName},`,
      "",
      `Please confirm that you want to receive these emails from ${shop.name}:`,
      "",
      ...pending.map((p) => `  - ${p.label}`),
      "",
      "To confirm, open this link and press the button on the page:",
      "",
      consentConfirmationUrl(shop.handle, token),
      "",
      `The link works once and for ${days} days. Until you confirm, we send you none of these emails.`,
      "",
      "If you did not ask for them, ignore this message: you will not be subscribed.",
      "",
      shop.name,
    ].join("\n"),
  });
}

export type ConsentLinkStatus = "READY" | "USED" | "EXPIRED" | "REPLACED" | "NOTHING_TO_CONFIRM";

export type ConsentConfirmationLinkView = {
  shop: ShopRef;
  status: ConsentLinkStatus;
  // Why the link cannot be used, in words; null when READY.
  message: string | null;
  purposes: ConsentPurpose[];
  expiresAt: Date;
};

const MESSAGES: Record<Exclude<ConsentLinkStatus, "READY">, string> = {
  USED: "This link was already used.",
  EXPIRED: "This link has expired. Subscribe again in your account to get a new one.",
  REPLACED: "A newer confirmation link replaced this one. Open the link in the newest email we sent you.",
  NOTHING_TO_CONFIRM:
    "There is nothing left to confirm: these subscriptions were withdrawn after the link was sent. Subscribe again in your account if you want them.",
};
const NOT_VALID = "This link is not valid. Open the whole link from the newest email we sent you.";

type Confirmation = {
  id: string;
  shopId: string;
  customerId: string;
  purposeKeys: string[];
  expiresAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
};

async function findConfirmation(token: unknown): Promise<{ confirmation: Confirmation; shop: ShopRef } | null> {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const confirmation = await getPrisma().consentConfirmation.findUnique({
    where: { tokenHash: hashConsentToken(parsed.data) },
    select: {
      id: true,
      shopId: true,
      customerId: true,
      purposeKeys: true,
      expiresAt: true,
      confirmedAt: true,
      cancelledAt: true,
    },
  });
  if (!confirmation) return null;
  const shop = await findShopById({ id: confirmation.shopId });
  return shop ? { confirmation, shop } : null;
}

function linkStatus(
  confirmation: Confirmation,
  stillPending: ConsentPurpose[],
  now: Date,
): Exclude<ConsentLinkStatus, "READY"> | null {
  if (confirmation.confirmedAt) return "USED";
  if (confirmation.cancelledAt) return "REPLACED";
  if (confirmation.expiresAt <= now) return "EXPIRED";
  if (stillPending.length === 0) return "NOTHING_TO_CONFIRM";
  return null;
}

// The link's purposes the shop still offers, and those of them still PENDING.
async function linkPurposes(
  db: Parameters<typeof currentConsents>[0],
  shop: ShopRef,
  confirmation: Confirmation,
): Promise<{ all: ConsentPurpose[]; pending: ConsentPurpose[] }> {
  const current = await currentConsents(db, { shopId: shop.id, customerId: confirmation.customerId });
  const all = consentPurposes(shop.profile).filter((p) => confirmation.purposeKeys.includes(p.key));
  return { all, pending: all.filter((p) => current.get(p.key)?.state === "PENDING") };
}

// What the link would confirm, for the page that asks for the click. Null for a token
// that is not one of ours. The token is the only authority: no viewer is needed.
export async function getConsentConfirmationLink(options: {
  token: unknown;
}): Promise<ConsentConfirmationLinkView | null> {
  const found = await findConfirmation(options.token);
  if (!found) return null;
  const { confirmation, shop } = found;
  const { all, pending } = await linkPurposes(getPrisma(), shop, confirmation);
  const problem = linkStatus(confirmation, pending, new Date());
  return {
    shop,
    status: problem ?? "READY",
    message: problem ? MESSAGES[problem] : null,
    purposes: problem ? all : pending,
    expiresAt: confirmation.expiresAt,
  };
}

function linkError(code: "INVALID_INPUT" | "NOT_FOUND", message: string): AppError {
  return new AppError(code, message, [{ field: ["input", "token"], code, message }]);
}

// Follows the link: every purpose of it that is still PENDING is recorded as GRANTED,
// CONFIRMED, from the confirmation link. Anything wrong writes nothing.
export async function confirmConsent(options: {
  token: unknown;
}): Promise<{ shop: ShopRef; purposes: ConsentPurpose[] }> {
  const found = await findConfirmation(options.token);
  if (!found) throw linkError("NOT_FOUND", NOT_VALID);
  const { confirmation, shop } = found;
  const owner = { shopId: shop.id, customerId: confirmation.customerId };
  const actor: ConsentActor = { type: "CUSTOMER", id: confirmation.customerId };
  const now = new Date();
  return getPrisma().$transaction(async (tx) => {
    if (!(await lockConsents(tx, owner))) throw linkError("NOT_FOUND", NOT_VALID);
    const { pending } = await linkPurposes(tx, shop, confirmation);
    const problem = linkStatus(confirmation, pending, now);
    if (problem) throw linkError("INVALID_INPUT", MESSAGES[problem]);
    // The claim re-checks under the lock: a link opened twice at once confirms once.
    const claimed = await tx.consentConfirmation.updateMany({
      where: { id: confirmation.id, confirmedAt: null, cancelledAt: null, expiresAt: { gt: now } },
      data: { confirmedAt: now },
    });
    if (claimed.count !== 1) throw linkError("INVALID_INPUT", MESSAGES.USED);
    const changes: WrittenChange[] = [];
    for (const purpose of pending) {
      await recordConsent(tx, {
        shop,
        customerId: owner.customerId,
        purposeKey: purpose.key,
        state: "GRANTED",
        optInLevel: "CONFIRMED",
        source: "CONFIRMATION_LINK",
        actor,
      });
      changes.push({ purposeKey: purpose.key, from: "PENDING", to: "GRANTED" });
    }
    await auditConsentChanges(tx, {
      ...owner,
      actor,
      source: "CONFIRMATION_LINK",
      changes,
      details: { confirmationId: confirmation.id },
    });
    return { shop, purposes: pending };
  });
}
