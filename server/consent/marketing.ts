import "server-only";
import { appUrl } from "../app-url";
import { getPrisma } from "../db";
import { isSuppressed } from "../erasure/suppression";
import { AppError } from "../errors";
import { enqueueEmail } from "../mail";
import type { ShopRef } from "../tenants";
import { currentConsents, lockConsents } from "./ledger";
import { findConsentPurpose } from "./purposes";
import { marketingEmailHeaders, unsubscribeUrl } from "./unsubscribe";
import { signUnsubscribeToken } from "./unsubscribe-token";

// The one way marketing email leaves the app: only to a customer whose consent to that
// email purpose is GRANTED right now (PENDING is not consent) and who has not restricted
// the use of their data (server/requests), and always with the
// one-click unsubscribe headers and a link in the text. A system service, not a
// customer action, so it takes the shop rather than a viewer.
export async function sendMarketingEmail(options: {
  shop: ShopRef;
  customerId: string;
  purposeKey: string;
  subject: string;
  text: string;
}): Promise<{ id: string }> {
  const { shop, customerId, purposeKey } = options;
  const purpose = findConsentPurpose(shop.profile, purposeKey);
  if (purpose?.kind !== "marketing" || purpose.channel !== "email") {
    throw new AppError("INVALID_INPUT", `"${purposeKey}" is not an email marketing purpose of ${shop.name}.`);
  }
  const owner = { shopId: shop.id, customerId };
  return getPrisma().$transaction(async (tx) => {
    // Under the customer's lock, an unsubscribe committed before this send is seen.
    if (!(await lockConsents(tx, owner))) throw new AppError("NOT_FOUND", "Customer not found.");
    const state = (await currentConsents(tx, owner)).get(purposeKey)?.state ?? "NOT_GIVEN";
    if (state !== "GRANTED") {
      throw new AppError("FORBIDDEN", `No consent to "${purpose.label}" (the state is ${state}): nothing was sent.`);
    }
    const customer = await tx.customer.findFirst({
      where: { id: customerId, shopId: shop.id, status: { not: "ERASED" } },
      select: { email: true, createdAt: true, restrictedAt: true },
    });
    if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
    // A granted restriction (GDPR Art. 18): the data is kept but not used.
    if (customer.restrictedAt) {
      throw new AppError("FORBIDDEN", "The customer restricted the use of their data: nothing was sent.");
    }
    if (await isSuppressed({ shopId: shop.id, email: customer.email, accountCreatedAt: customer.createdAt }, tx)) {
      throw new AppError("FORBIDDEN", "This address is on the suppression list: nothing was sent.");
    }
    const claims = { shopId: shop.id, customerId, purposeKey };
    const footer = [
      "",
      "--",
      `You receive this email because you subscribed to "${purpose.label}" at ${shop.name}.`,
      `Unsubscribe: ${unsubscribeUrl(signUnsubscribeToken(claims))}`,
      `All your subscriptions: ${appUrl(`/${shop.handle}/account/privacy/subscriptions`)}`,
    ];
    return enqueueEmail(tx, {
      shopId: shop.id,
      customerId,
      to: customer.email,
      kind: "marketing",
      subject: options.subject,
      text: [options.text.trimEnd(), ...footer].join("\n"),
      headers: marketingEmailHeaders(claims),
    });
  });
}
