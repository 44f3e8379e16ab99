import "server-only";
import { z } from "zod";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit";
import { type AuditActor, authorize } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { decodeCursor, type Page, pageSize } from "../data-map/view";
import { getPrisma, type Prisma } from "../db";
import type { InvitationChannel, InvitationStatus } from "../db/generated/enums";
import { addSuppressionHash, isSuppressed, suppressionHash } from "../erasure/suppression";
import { AppError } from "../errors";
import { logEvent } from "../log";
import { enqueueEmail, tryDeliverPendingEmails } from "../mail";
import { findShopById, type ShopRef } from "../tenants";
import type { ShopProfile } from "../tenants/profile-schema";
import { invalidInput, safeText } from "../validation";
import { queueWebhookEvent, type WebhookEventType } from "../webhooks/events";
import { type InvitationClaims, signInvitationToken, verifyInvitationToken } from "./token";

// Invited friends (GDPR Art. 14; PRODUCT.md, "Invited friends"). A customer invites a
// friend with a share link they send themselves (we hold nothing about the friend until
// the friend uses it) or by email, only after ticking that the friend agreed: then we
// send exactly one message, the friend's notice, which says who gave us the address,
// what we hold, why, for how long, who the controller is and how to complain, and links
// to a page where the friend can object without an account. Objection deletes the
// friend's details at once and puts the address on the suppression list, so nobody can
// invite it again. The friend's details are kept only while the invitation is open (the
// shop's invitationRetentionDays); the retention sweep deletes them after that. Support
// agents may look at the list (it is part of My data) but never invite or withdraw; API
// keys may do neither and receive only the invitation.* events, which carry no address.

export type InvitationView = {
  id: string;
  channel: InvitationChannel;
  status: InvitationStatus;
  friendName: string | null;
  friendEmail: string | null;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  detailsErasedAt: Date | null;
  // The link the customer sends (share links while open), to the customer only.
  link: string | null;
  // The platform's share page for the link (Facebook, X), same conditions.
  shareUrl: string | null;
};

export type InvitationSettings = {
  // Channels offered, share link first; empty where the shop has no invitations.
  channels: InvitationChannel[];
  retentionDays: number;
  perDay: number;
};

export type InvitationList = Page<InvitationView> &
  InvitationSettings & {
    // How many more the customer may make now; null for someone who cannot invite.
    remainingToday: number | null;
    // When the oldest invitation of the last 24 hours stops counting; null when not at the limit.
    nextAllowedAt: Date | null;
  };

const DAY_MS = 86_400_000;
const SHARE_CHANNELS: readonly InvitationChannel[] = ["LINK", "FACEBOOK", "TWITTER"];

export const CANNOT_BE_INVITED = "This address can't be invited.";
export const INVITATION_LINK_NOT_VALID =
  "This invitation link is not valid. Use the whole link from the email or message you received.";

export function invitationSettings(profile: ShopProfile): InvitationSettings {
  const offered = new Set(profile.features.invitationChannels);
  const channels: InvitationChannel[] = [];
  if (offered.size > 0) channels.push("LINK");
  if (offered.has("facebook")) channels.push("FACEBOOK");
  if (offered.has("twitter")) channels.push("TWITTER");
  if (offered.has("email")) channels.push("EMAIL");
  return {
    channels,
    retentionDays: profile.features.invitationRetentionDays,
    perDay: profile.features.invitationsPerDay,
  };
}

export function invitationPagePath(shopHandle: string, token: string): string {
  return `/${shopHandle}/invitation?token=${encodeURIComponent(token)}`;
}

export function invitationSignUpPath(shopHandle: string, token: string): string {
  return `/${shopHandle}/sign-up?invitation=${encodeURIComponent(token)}`;
}

function shareUrlFor(channel: InvitationChannel, link: string, shopName: string): string | null {
  if (channel === "FACEBOOK") return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(link)}`;
  if (channel === "TWITTER") {
    const text = `Join me at ${shopName}`;
    return `https://twitter.com/intent/tweet?text=${encodeURIComponent(text)}&url=${encodeURIComponent(link)}`;
  }
  return null;
}

const viewSelect = {
  id: true,
  channel: true,
  status: true,
  friendName: true,
  friendEmail: true,
  createdAt: true,
  expiresAt: true,
  closedAt: true,
  detailsErasedAt: true,
} satisfies Prisma.InvitationSelect;

type Row = Prisma.InvitationGetPayload<{ select: typeof viewSelect }>;

function toView(shop: ShopRef, row: Row, showLink: boolean): InvitationView {
  const isOpenShare = showLink && row.status === "SENT" && SHARE_CHANNELS.includes(row.channel);
  const link = isOpenShare
    ? appUrl(invitationPagePath(shop.handle, signInvitationToken({ shopId: shop.id, invitationId: row.id })))
    : null;
  return { ...row, link, shareUrl: link ? shareUrlFor(row.channel, link, shop.name) : null };
}

// The share link is a credential of the customer's own: an agent looking at the list
// does not get it.
const showsLinks = (viewer: Viewer) => viewer.kind === "customer";

async function countLastDay(db: Prisma.TransactionClient, customerId: string, now: Date) {
  const rows = await db.invitation.findMany({
    where: { customerId, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
    select: { createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return { count: rows.length, oldest: rows[0]?.createdAt ?? null };
}

export async function listInvitations(options: {
  viewer: Viewer;
  customerId?: string;
  first?: number | null;
  after?: string | null;
  now?: Date;
}): Promise<InvitationList> {
  const scope = await authorize(options.viewer, "data.read", options.customerId);
  const take = pageSize(options.first);
  const cursor = decodeCursor(options.after);
  const prisma = getPrisma();
  const now = options.now ?? new Date();
  const where = { customerId: scope.customerId, shopId: scope.shop.id };
  const [rows, totalCount, lastDay] = await Promise.all([
    prisma.invitation.findMany({
      where: cursor ? { ...where, id: { lt: cursor } } : where,
      select: viewSelect,
      orderBy: { id: "desc" },
      take: take + 1,
    }),
    prisma.invitation.count({ where }),
    countLastDay(prisma, scope.customerId, now),
  ]);
  const settings = invitationSettings(scope.shop.profile);
  const canInvite = options.viewer.kind === "customer" && settings.channels.length > 0;
  const remaining = Math.max(0, settings.perDay - lastDay.count);
  return {
    ...settings,
    nodes: rows.slice(0, take).map((row) => toView(scope.shop, row, showsLinks(options.viewer))),
    hasNextPage: rows.length > take,
    totalCount,
    remainingToday: canInvite ? remaining : null,
    nextAllowedAt: canInvite && remaining === 0 && lastDay.oldest ? new Date(lastDay.oldest.getTime() + DAY_MS) : null,
  };
}

const createSchema = z
  .object({
    channel: z.enum(["EMAIL", "LINK", "FACEBOOK", "TWITTER"], { error: "Choose how to invite." }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "Use at most 254 characters.")
      .pipe(z.union([z.literal(""), z.email("Enter a valid email address.")]))
      .nullish(),
    name: safeText({ max: 100 }).nullish(),
    friendAgreed: z.boolean().nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.channel === "EMAIL") {
      if (!input.email)
        ctx.addIssue({ code: "custom", path: ["email"], message: "Enter your friend's email address." });
      if (input.friendAgreed !== true) {
        ctx.addIssue({
          code: "custom",
          path: ["friendAgreed"],
          message: "Tick this only when your friend agreed to hear from us. We email nobody without it.",
        });
      }
    } else {
      // A share link holds nothing about the friend.
      if (input.email) ctx.addIssue({ code: "custom", path: ["email"], message: "A share link takes no address." });
      if (input.name) ctx.addIssue({ code: "custom", path: ["name"], message: "A share link takes no name." });
    }
  });

function fieldError(code: "CONFLICT" | "FORBIDDEN" | "RATE_LIMITED", field: string, message: string): AppError {
  return new AppError(code, message, [{ field: ["input", field], code, message }]);
}

export type InvitationCreated = { invitation: InvitationView };

// Invites a friend. A share link (LINK, or the same link to share on Facebook or X)
// stores no friend data; EMAIL needs the friend's agreement and sends one notice.
export async function createInvitation(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
  now?: Date;
}): Promise<InvitationCreated> {
  const scope = await authorize(options.viewer, "invitation.send", options.customerId);
  const parsed = createSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  const shop = scope.shop;
  const settings = invitationSettings(shop.profile);
  if (!settings.channels.includes(input.channel)) {
    const message =
      settings.channels.length === 0
        ? `${shop.name} does not offer inviting friends.`
        : `${shop.name} does not offer invitations this way.`;
    throw fieldError("FORBIDDEN", "channel", message);
  }
  const now = options.now ?? new Date();
  const prisma = getPrisma();
  const row = await prisma.$transaction(async (tx) => {
    // One inviter at a time: two requests at once must not both pass the daily limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invitation:${scope.customerId}`}, 0))`;
    const inviter = await tx.customer.findFirst({
      where: { id: scope.customerId, shopId: shop.id, status: "ACTIVE" },
      select: { email: true, firstName: true, lastName: true },
    });
    if (!inviter) throw new AppError("FORBIDDEN", "Only an active account can invite friends.");
    const lastDay = await countLastDay(tx, scope.customerId, now);
    if (lastDay.count >= settings.perDay) {
      throw fieldError(
        "RATE_LIMITED",
        "channel",
        `You can invite at most ${settings.perDay} friends a day. Try again tomorrow.`,
      );
    }
    let friendEmailHash: string | null = null;
    const email = input.channel === "EMAIL" ? (input.email ?? "") : "";
    if (email) {
      if (email === inviter.email.toLowerCase()) throw fieldError("CONFLICT", "email", "This is your own address.");
      friendEmailHash = suppressionHash(email);
      const earlier = await tx.invitation.findFirst({
        where: { customerId: scope.customerId, friendEmailHash },
        select: { id: true },
      });
      if (earlier) throw fieldError("CONFLICT", "email", "You have already invited this address.");
      // Someone who objected, erased an account or asked not to be emailed, or who is a
      // customer already: the inviter is not told which.
      const [suppressed, customer] = await Promise.all([
        isSuppressed({ shopId: shop.id, email }, tx),
        tx.customer.findFirst({
          where: { shopId: shop.id, email: { equals: email, mode: "insensitive" } },
          select: { id: true },
        }),
      ]);
      if (suppressed || customer) throw fieldError("CONFLICT", "email", CANNOT_BE_INVITED);
    }
    const created = await tx.invitation.create({
      data: {
        shopId: shop.id,
        customerId: scope.customerId,
        channel: input.channel,
        friendEmail: email || null,
        friendName: input.channel === "EMAIL" ? input.name || null : null,
        friendEmailHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + settings.retentionDays * DAY_MS),
      },
      select: viewSelect,
    });
    if (email) {
      await enqueueEmail(tx, {
        shopId: shop.id,
        customerId: scope.customerId,
        to: email,
        kind: "invitation-notice",
        subject: `${inviterName(inviter)} invited you to ${shop.name}`,
        text: noticeText({ shop, inviter, friendName: created.friendName, invitation: created }),
      });
    }
    await recordChange(tx, {
      shopId: shop.id,
      customerId: scope.customerId,
      invitation: created,
      event: "invitation.created",
      audit: { action: "invitation.create", actor: scope.actor, details: { channel: created.channel } },
    });
    return created;
  });
  if (row.channel === "EMAIL") await tryDeliverPendingEmails({ shopId: shop.id });
  return { invitation: toView(shop, row, showsLinks(options.viewer)) };
}

// On one line whatever the account's names hold (it goes into a subject).
const inviterName = (inviter: { firstName: string; lastName: string }) =>
  `${inviter.firstName} ${inviter.lastName}`.replace(/\s+/g, " ").trim();

const day = (date: Date) => date.toISOString().slice(0, 10);

// The friend's notice (GDPR Art. 14): the one message we send them.
function noticeText(options: {
  shop: ShopRef;
  inviter: { firstName: string; lastName: string };
  friendName: string | null;
  invitation: { id: string; createdAt: Date; expiresAt: Date };
}): string {
  const { shop, friendName, invitation } = options;
  const profile = shop.profile;
  const inviter = inviterName(options.inviter);
  const token = signInvitationToken({ shopId: shop.id, invitationId: invitation.id });
  const page = appUrl(invitationPagePath(shop.handle, token));
  const purpose = profile.purposes.find((p) => p.categories.includes("invitations"));
  const controllers = profile.controllers.map((c) => `  ${c.name}, ${c.address}${c.email ? ` (${c.email})` : ""}`);
  const dpo = profile.dpo
    ? [profile.dpo.name, profile.dpo.email, profile.dpo.address].filter(Boolean).join(", ")
    : null;
  const authority = profile.supervisoryAuthority;
  return [
    friendName ? `Hello ${friendName},` : "Hello,",
    "",
    `${inviter}, a customer of ${shop.name}, asked us to invite you to shop with us, and told us you agreed to hear from us.`,
    "",
    "To accept, open this page and create an account there:",
    "",
    page,
    "",
    "This is the only message we send you about it. We have not added you to any mailing list.",
    "",
    "DON'T WANT TO HEAR FROM US?",
    'Open the same page and press "Don\'t contact me again". You need no account. We then delete your',
    "details at once and nobody can invite this address again.",
    "",
    "WHAT WE HOLD ABOUT YOU, AND WHY",
    `- Where it came from: ${inviter} gave it to us on ${day(invitation.createdAt)}.`,
    `- What we hold: your email address${friendName ? `, your name as they gave it ("${friendName}")` : ""}, who invited you and when.`,
    // The purpose only: its legal basis is the inviter's (their account), not the friend's.
    `- Why: only to send you this invitation on ${inviter}'s behalf${
      purpose ? ` (a feature of their account; in our privacy policy under "${purpose.label}")` : ""
    }. It is not shared with anyone.`,
    `- For how long: ${profile.features.invitationRetentionDays} days, until ${day(invitation.expiresAt)}. If you have not opened an account by then, we delete your details.`,
    "- Your rights: you may object (the page above), and ask us for access to or erasure of your details.",
    "",
    `WHO WE ARE`,
    ...controllers,
    ...(dpo ? [`  Data protection officer: ${dpo}`] : []),
    `  Privacy policy: ${appUrl(`/${shop.handle}/privacy-policy`)}`,
    "",
    "HOW TO COMPLAIN",
    `  ${authority.name}${authority.website ? `, ${authority.website}` : ""}. ${authority.howToComplain}`,
    "",
    shop.name,
  ].join("\n");
}

// The invitation of a global id's row, owned by the scope's customer; NOT_FOUND otherwise.
async function ownInvitation(tx: Prisma.TransactionClient, scope: { shop: ShopRef; customerId: string }, id: string) {
  const row = UUID.test(id)
    ? await tx.invitation.findFirst({
        where: { id, customerId: scope.customerId, shopId: scope.shop.id },
        select: { ...viewSelect, friendEmailHash: true },
      })
    : null;
  if (!row) {
    throw new AppError("NOT_FOUND", "Invitation not found.", [
      { field: ["id"], code: "NOT_FOUND", message: "Invitation not found." },
    ]);
  }
  return row;
}

// Every change of an invitation: the event partners receive (ids and the channel only)
// and, where someone acted, the inviter's audit record naming who.
async function recordChange(
  tx: Prisma.TransactionClient,
  options: {
    shopId: string;
    customerId: string;
    invitation: { id: string; channel: InvitationChannel };
    event: WebhookEventType;
    audit?: { action: string; actor: AuditActor; details: Record<string, unknown> };
  },
): Promise<void> {
  const { shopId, customerId, invitation, audit } = options;
  if (audit) {
    await recordAuditEvent(tx, {
      shopId,
      customerId,
      ...audit.actor,
      action: audit.action,
      details: { invitationId: invitation.id, ...audit.details },
    });
  }
  await queueWebhookEvent(tx, {
    shopId,
    customerId,
    type: options.event,
    data: { invitationId: invitation.id, channel: invitation.channel },
  });
}

const SYSTEM_ACTOR: AuditActor = { actorType: "SYSTEM", actorId: null, impersonationId: null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ERASED_DETAILS = { friendEmail: null, friendName: null } as const;

// Deletes a friend notice not yet sent (so withdrawing stops it) and the copies of sent
// ones (they hold the friend's address and name).
async function deleteNotices(tx: Prisma.TransactionClient, rows: { customerId: string; friendEmail: string | null }[]) {
  for (const row of rows) {
    if (!row.friendEmail) continue;
    await tx.outboundEmail.deleteMany({
      where: { customerId: row.customerId, kind: "invitation-notice", toAddress: row.friendEmail },
    });
  }
}

// Withdraws an open invitation: the link stops working, the notice is not sent if it
// has not gone yet, and the friend's details are deleted. The address stays known (as a
// hash) so that the same inviter cannot invite it again.
export async function withdrawInvitation(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
  now?: Date;
}): Promise<InvitationView> {
  const scope = await authorize(options.viewer, "invitation.manage", options.customerId);
  const now = options.now ?? new Date();
  const row = await getPrisma().$transaction(async (tx) => {
    const found = await ownInvitation(tx, scope, options.id);
    if (found.status !== "SENT") {
      const message = `This invitation is already ${STATUS_WORDS[found.status]}.`;
      throw new AppError("CONFLICT", message, [{ field: ["id"], code: "CONFLICT", message }]);
    }
    const { count } = await tx.invitation.updateMany({
      where: { id: found.id, status: "SENT" },
      data: { status: "WITHDRAWN", closedAt: now, ...ERASED_DETAILS, detailsErasedAt: found.friendEmail ? now : null },
    });
    if (count === 0) throw new AppError("CONFLICT", "This invitation changed meanwhile. Reload the page.");
    await deleteNotices(tx, [{ customerId: scope.customerId, friendEmail: found.friendEmail }]);
    await recordChange(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      invitation: found,
      event: "invitation.withdrawn",
      audit: { action: "invitation.withdraw", actor: scope.actor, details: { channel: found.channel } },
    });
    return tx.invitation.findUniqueOrThrow({ where: { id: found.id }, select: viewSelect });
  });
  return toView(scope.shop, row, showsLinks(options.viewer));
}

export const STATUS_WORDS: Record<InvitationStatus, string> = {
  SENT: "open",
  ACCEPTED: "accepted",
  OBJECTED: "closed: your friend asked not to be contacted",
  EXPIRED: "expired",
  WITHDRAWN: "withdrawn",
};

// Erases every friend's name and address the customer gave us. Open email invitations
// are withdrawn with them (they cannot stay open without an address); open share links
// hold nothing about anyone and stay.
export async function eraseFriendDetails(options: {
  viewer: Viewer;
  customerId?: string;
  now?: Date;
}): Promise<{ erasedCount: number }> {
  const scope = await authorize(options.viewer, "invitation.manage", options.customerId);
  const now = options.now ?? new Date();
  return getPrisma().$transaction(async (tx) => {
    const rows = await tx.invitation.findMany({
      where: {
        customerId: scope.customerId,
        shopId: scope.shop.id,
        OR: [{ friendEmail: { not: null } }, { friendName: { not: null } }],
      },
      select: { id: true, status: true, channel: true, friendEmail: true },
    });
    if (rows.length === 0) return { erasedCount: 0 };
    await deleteNotices(
      tx,
      rows.map((r) => ({ customerId: scope.customerId, friendEmail: r.friendEmail })),
    );
    const open = rows.filter((r) => r.status === "SENT").map((r) => r.id);
    if (open.length) {
      await tx.invitation.updateMany({
        where: { id: { in: open } },
        data: { status: "WITHDRAWN", closedAt: now },
      });
    }
    await tx.invitation.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { ...ERASED_DETAILS, detailsErasedAt: now },
    });
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "invitation.erase-details",
      details: { count: rows.length, withdrawn: open.length },
    });
    for (const row of rows.filter((r) => r.status === "SENT")) {
      await recordChange(tx, {
        shopId: scope.shop.id,
        customerId: scope.customerId,
        invitation: row,
        event: "invitation.withdrawn",
      });
    }
    return { erasedCount: rows.length };
  });
}

// --- The friend's side: the token is the only authority, so these take no viewer.

export type InvitationLinkView = {
  shop: ShopRef;
  channel: InvitationChannel;
  status: InvitationStatus;
  inviterName: string;
  // What we hold about the friend now (both null for a share link or once deleted).
  friendEmail: string | null;
  friendName: string | null;
  createdAt: Date;
  expiresAt: Date;
  retentionDays: number;
  // Whether "Don't contact me again" applies (an emailed invitation not accepted).
  canObject: boolean;
  // Whether the link still opens an account as this invitation (open, not expired).
  canAccept: boolean;
};

function tokenError(code: "INVALID_INPUT" | "NOT_FOUND", message: string): AppError {
  return new AppError(code, message, [{ field: ["input", "token"], code, message }]);
}

async function resolveToken(token: unknown): Promise<{ claims: InvitationClaims; shop: ShopRef }> {
  const claims = verifyInvitationToken(token);
  if (!claims) throw tokenError("INVALID_INPUT", INVITATION_LINK_NOT_VALID);
  const shop = await findShopById({ id: claims.shopId });
  if (!shop) throw tokenError("NOT_FOUND", "There is no invitation for this link any more.");
  return { claims, shop };
}

const linkSelect = {
  ...viewSelect,
  customerId: true,
  friendEmailHash: true,
  customer: { select: { firstName: true, lastName: true, status: true } },
} satisfies Prisma.InvitationSelect;

// For the page the links lead to; null when the token is not genuine or nothing is left.
export async function getInvitationLink(options: { token: unknown; now?: Date }): Promise<InvitationLinkView | null> {
  const claims = verifyInvitationToken(options.token);
  if (!claims) return null;
  const shop = await findShopById({ id: claims.shopId });
  if (!shop) return null;
  const row = await getPrisma().invitation.findFirst({
    where: { id: claims.invitationId, shopId: shop.id },
    select: linkSelect,
  });
  if (!row) return null;
  const now = options.now ?? new Date();
  const isOpen = row.status === "SENT" && row.expiresAt > now && row.customer.status === "ACTIVE";
  return {
    shop,
    channel: row.channel,
    status: row.status,
    inviterName: inviterName(row.customer),
    friendEmail: row.friendEmail,
    friendName: row.friendName,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    retentionDays: shop.profile.features.invitationRetentionDays,
    canObject: row.channel === "EMAIL" && row.status !== "ACCEPTED" && row.status !== "OBJECTED",
    canAccept: isOpen,
  };
}

export type InvitationObjectionResult = { shop: ShopRef; isAlreadyObjected: boolean };

// "Don't contact me again": deletes the friend's details from every invitation of this
// shop that holds the address, closes the open ones, and adds the address's hash to the
// suppression list, at once. A replay writes nothing. Works after the details were
// deleted (expired, withdrawn): the hash is still there to suppress.
export async function objectToInvitation(options: { token: unknown; now?: Date }): Promise<InvitationObjectionResult> {
  const { claims, shop } = await resolveToken(options.token);
  const now = options.now ?? new Date();
  return getPrisma().$transaction(async (tx) => {
    const find = () =>
      tx.invitation.findFirst({
        where: { id: claims.invitationId, shopId: shop.id },
        select: { id: true, channel: true, status: true, friendEmailHash: true },
      });
    const first = await find();
    // Objections to one address (pressed twice, or through two inviters' links) one at
    // a time: the second finds the first's work done and records nothing.
    if (first?.friendEmailHash) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invitation-objection:${shop.id}:${first.friendEmailHash}`}, 0))`;
    }
    const row = first?.friendEmailHash ? await find() : first;
    if (!row) throw tokenError("NOT_FOUND", "There is no invitation for this link any more: we hold nothing from it.");
    if (row.status === "OBJECTED") return { shop, isAlreadyObjected: true };
    if (row.channel !== "EMAIL" || !row.friendEmailHash) {
      throw tokenError("INVALID_INPUT", "This is a share link: we hold nothing about you from it.");
    }
    if (row.status === "ACCEPTED") {
      throw tokenError(
        "INVALID_INPUT",
        `You opened an account with this invitation. Choose which emails you get in your ${shop.name} account.`,
      );
    }
    const hash = row.friendEmailHash;
    await addSuppressionHash(tx, { shopId: shop.id, emailHash: hash, reason: "invitation-objection" });
    const affected = await tx.invitation.findMany({
      where: { shopId: shop.id, friendEmailHash: hash, status: { not: "ACCEPTED" } },
      select: { id: true, customerId: true, channel: true, status: true, friendEmail: true },
    });
    await deleteNotices(tx, affected);
    for (const invitation of affected) {
      const wasOpen = invitation.status === "SENT";
      await tx.invitation.update({
        where: { id: invitation.id },
        data: {
          ...ERASED_DETAILS,
          ...(invitation.friendEmail ? { detailsErasedAt: now } : {}),
          // Open ones, and this one whatever it was: the inviter sees the friend objected.
          ...(wasOpen || invitation.id === row.id ? { status: "OBJECTED", closedAt: now } : {}),
        },
        select: { id: true },
      });
      if (!wasOpen && invitation.id !== row.id) continue;
      // The inviter's record: the friend is no actor of this shop, so the system records it.
      await recordChange(tx, {
        shopId: shop.id,
        customerId: invitation.customerId,
        invitation,
        event: "invitation.objected",
        audit: { action: "invitation.objected", actor: SYSTEM_ACTOR, details: { via: "friend-notice-link" } },
      });
    }
    return { shop, isAlreadyObjected: false };
  });
}

// At sign-up (password or provider): the invitation whose link the new customer came
// through, and every open email invitation of this shop to their address, are accepted.
// The friend's details leave the inviter's records then (the friend now has an account
// of their own, which their own rights cover, erasure included): the inviter sees that
// the invitation was accepted, not who holds the account. The events carry the
// invitation only.
export async function acceptInvitationsOnSignUp(
  tx: Prisma.TransactionClient,
  options: { shopId: string; customerId: string; email: string; token?: string | null; now?: Date },
): Promise<number> {
  const now = options.now ?? new Date();
  const claims = options.token ? verifyInvitationToken(options.token) : null;
  const byToken = claims?.shopId === options.shopId ? claims.invitationId : null;
  const rows = await tx.invitation.findMany({
    where: {
      shopId: options.shopId,
      status: "SENT",
      expiresAt: { gt: now },
      customerId: { not: options.customerId },
      customer: { status: "ACTIVE" },
      OR: [
        ...(byToken ? [{ id: byToken }] : []),
        { channel: "EMAIL", friendEmailHash: suppressionHash(options.email) },
      ],
    },
    select: { id: true, customerId: true, channel: true, friendEmail: true },
  });
  await deleteNotices(tx, rows);
  for (const row of rows) {
    await tx.invitation.update({
      where: { id: row.id },
      data: {
        status: "ACCEPTED",
        closedAt: now,
        ...ERASED_DETAILS,
        ...(row.friendEmail ? { detailsErasedAt: now } : {}),
      },
      select: { id: true },
    });
    await recordChange(tx, {
      shopId: options.shopId,
      customerId: row.customerId,
      invitation: row,
      event: "invitation.accepted",
      audit: { action: "invitation.accepted", actor: SYSTEM_ACTOR, details: {} },
    });
  }
  return rows.length;
}

// The retention sweep's part: open invitations past their time expire and the friend's
// details are deleted (the notice's promise). In batches, each its own transaction.
export async function expireInvitations(options: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const limit = options.batchSize ?? 500;
  const prisma = getPrisma();
  let expired = 0;
  for (;;) {
    const n = await prisma.$transaction(async (tx) => {
      const rows = await tx.invitation.findMany({
        where: { status: "SENT", expiresAt: { lte: now } },
        select: { id: true, shopId: true, customerId: true, channel: true, friendEmail: true },
        orderBy: { expiresAt: "asc" },
        take: limit,
      });
      for (const row of rows) {
        const { count } = await tx.invitation.updateMany({
          where: { id: row.id, status: "SENT" },
          data: { status: "EXPIRED", closedAt: now, ...ERASED_DETAILS, detailsErasedAt: row.friendEmail ? now : null },
        });
        if (count === 0) continue;
        await deleteNotices(tx, [row]);
        await recordChange(tx, {
          shopId: row.shopId,
          customerId: row.customerId,
          invitation: row,
          event: "invitation.expired",
        });
      }
      return rows.length;
    });
    expired += n;
    if (n < limit) break;
  }
  if (expired) logEvent("info", { event: "invitations.expired", count: expired });
  return expired;
}
