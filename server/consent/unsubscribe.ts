import "server-only";
import { appUrl } from "../app-url";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import { recordSelfServiceRequest } from "../requests/self-service";
import { findShopById, type ShopRef } from "../tenants";
import { auditConsentChanges, currentConsents, lockConsents, recordConsent } from "./ledger";
import { type ConsentPurpose, findConsentPurpose } from "./purposes";
import { type ConsentActor, type ConsentStateValue, NOT_GIVEN, planConsentChange } from "./state";
import { signUnsubscribeToken, type UnsubscribeClaims, verifyUnsubscribeToken } from "./unsubscribe-token";

// One-click unsubscribe (RFC 8058). Every marketing email names a link with a signed
// token for its customer and list: a POST to it (what mail clients send) withdraws that
// purpose without signing in; a GET (a person, or a scanner prefetching links) changes
// nothing and leads to a page with a button. The token is the only authority, so these
// services take no viewer. Withdrawing is idempotent: a replay writes nothing.

export function unsubscribeUrl(token: string): string {
  return appUrl(`/api/unsubscribe?token=${encodeURIComponent(token)}`);
}

export function unsubscribePagePath(shopHandle: string, token: string): string {
  return `/${shopHandle}/unsubscribe?token=${encodeURIComponent(token)}`;
}

// Headers for a marketing email (RFC 2369 + RFC 8058). A mailto: alternative is only
// added when asked for: the app reads no incoming mail, so by default it would promise
// an unsubscribe nobody carries out.
export function marketingEmailHeaders(
  claims: UnsubscribeClaims,
  options: { mailto?: string } = {},
): Record<string, string> {
  const url = unsubscribeUrl(signUnsubscribeToken(claims));
  const targets = [`<${url}>`];
  if (options.mailto) targets.push(`<mailto:${options.mailto}?subject=unsubscribe>`);
  return { "List-Unsubscribe": targets.join(", "), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export const UNSUBSCRIBE_LINK_NOT_VALID =
  "This unsubscribe link is not valid. Use the whole link from the email, or change your subscriptions in your account.";

export type UnsubscribeLinkView = { shop: ShopRef; purpose: ConsentPurpose; state: ConsentStateValue };

type ResolvedLink = { shop: ShopRef; purpose: ConsentPurpose; customerId: string };

function tokenError(code: "INVALID_INPUT" | "NOT_FOUND", message: string): AppError {
  return new AppError(code, message, [{ field: ["input", "token"], code, message }]);
}

async function resolveLink(token: unknown): Promise<ResolvedLink> {
  const claims = verifyUnsubscribeToken(token);
  if (!claims) throw tokenError("INVALID_INPUT", UNSUBSCRIBE_LINK_NOT_VALID);
  const shop = await findShopById({ id: claims.shopId });
  const customer = shop
    ? await getPrisma().customer.findFirst({ where: { id: claims.customerId, shopId: shop.id }, select: { id: true } })
    : null;
  if (!shop || !customer) throw tokenError("NOT_FOUND", "There is no subscription for this link any more.");
  const purpose = findConsentPurpose(shop.profile, claims.purposeKey);
  if (purpose?.kind !== "marketing") {
    throw tokenError(
      "NOT_FOUND",
      `${shop.name} no longer sends these emails, so there is nothing to unsubscribe from.`,
    );
  }
  return { shop, purpose, customerId: customer.id };
}

// For the page a GET leads to: which shop and list, and whether still subscribed.
export async function getUnsubscribeLink(options: { token: unknown }): Promise<UnsubscribeLinkView | null> {
  let link: ResolvedLink;
  try {
    link = await resolveLink(options.token);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  const current = await currentConsents(getPrisma(), { shopId: link.shop.id, customerId: link.customerId });
  return { shop: link.shop, purpose: link.purpose, state: (current.get(link.purpose.key) ?? NOT_GIVEN).state };
}

export type UnsubscribeResult = { shop: ShopRef; purpose: ConsentPurpose; isAlreadyWithdrawn: boolean };

// Withdraws the link's purpose at once (no confirmation: an objection to direct
// marketing takes effect immediately). A pending double opt-in is cancelled too.
export async function unsubscribeWithToken(options: { token: unknown }): Promise<UnsubscribeResult> {
  const { shop, purpose, customerId } = await resolveLink(options.token);
  const owner = { shopId: shop.id, customerId };
  // The link proves the mailbox, i.e. the customer.
  const actor: ConsentActor = { type: "CUSTOMER", id: customerId };
  return getPrisma().$transaction(async (tx) => {
    if (!(await lockConsents(tx, owner)))
      throw tokenError("NOT_FOUND", "There is no subscription for this link any more.");
    const recorded = (await currentConsents(tx, owner)).get(purpose.key) ?? NOT_GIVEN;
    const plan = planConsentChange(purpose, recorded, "WITHDRAWN");
    if (!plan.write) return { shop, purpose, isAlreadyWithdrawn: true };
    await recordConsent(tx, {
      shop,
      customerId,
      purposeKey: purpose.key,
      state: "WITHDRAWN",
      optInLevel: plan.write.optInLevel,
      source: "UNSUBSCRIBE_LINK",
      actor,
    });
    await auditConsentChanges(tx, {
      ...owner,
      actor,
      source: "UNSUBSCRIBE_LINK",
      changes: [{ purposeKey: purpose.key, from: recorded.state, to: "WITHDRAWN" }],
    });
    await recordSelfServiceRequest(tx, {
      shop,
      customerId,
      type: "WITHDRAW_CONSENT",
      actor: { actorType: actor.type, actorId: actor.id, impersonationId: null },
    });
    return { shop, purpose, isAlreadyWithdrawn: false };
  });
}
