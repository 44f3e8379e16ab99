// Needs the "react-server" condition (the services import "server-only"): loaded by
// prisma/seed.ts only when `npm run db:seed` runs it with that condition.

import { currentConsents } from "../../server/consent/ledger";
import { sendMarketingEmail } from "../../server/consent/marketing";
import { consentPurposes } from "../../server/consent/purposes";
import { getPrisma } from "../../server/db";
import { tryDeliverPendingEmails } from "../../server/mail";
import { findShop } from "../../server/tenants";
import type { ShopProfile } from "../../server/tenants/profile-schema";
import { demoEmailFor } from "./shops";

export type NewsletterResult = { handle: string; status: "sent" | "already-sent" | "no-consent" | "no-customer" };

// One newsletter per shop to its demo customer, through the same service as real
// marketing mail, so the dev mailbox holds a message with working unsubscribe links.
// Only where the customer has a GRANTED email purpose, and only once.
export async function sendDemoNewsletters(profiles: readonly ShopProfile[]): Promise<NewsletterResult[]> {
  const prisma = getPrisma();
  const results: NewsletterResult[] = [];
  for (const profile of profiles) {
    const shop = await findShop({ handle: profile.handle });
    const customer = shop
      ? await prisma.customer.findUnique({
          where: { shopId_email: { shopId: shop.id, email: demoEmailFor(profile.handle) } },
          select: { id: true },
        })
      : null;
    if (!shop || !customer) {
      results.push({ handle: profile.handle, status: "no-customer" });
      continue;
    }
    const sent = await prisma.outboundEmail.count({ where: { customerId: customer.id, kind: "marketing" } });
    if (sent > 0) {
      results.push({ handle: profile.handle, status: "already-sent" });
      continue;
    }
    const current = await currentConsents(prisma, { shopId: shop.id, customerId: customer.id });
    const purpose = consentPurposes(profile).find(
      (p) => p.kind === "marketing" && p.channel === "email" && current.get(p.key)?.state === "GRANTED",
    );
    if (!purpose) {
      results.push({ handle: profile.handle, status: "no-consent" });
      continue;
    }
    const topic = profile.marketing.topics.find((t) => t.key === purpose.topic)?.label ?? purpose.label;
    await sendMarketingEmail({
      shop,
      customerId: customer.id,
      purposeKey: purpose.key,
      subject: `${topic}: news from ${shop.name}`,
      text: [
        "Hello,",
        "",
        `Here is this month's "${topic}" from ${shop.name}: what is new, and what comes next.`,
        "",
        "This is a demo newsletter. Use the unsubscribe link below, or the one-click button of your mail client, to stop these emails.",
        "",
        shop.name,
      ].join("\n"),
    });
    // In demo mode without SMTP_URL this only marks it sent: the dev mailbox shows it.
    await tryDeliverPendingEmails({ shopId: shop.id });
    results.push({ handle: profile.handle, status: "sent" });
  }
  return results;
}
