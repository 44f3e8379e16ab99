import "server-only";
import { recordAuditEvent } from "../audit";
import { authorize, requireSelf } from "../auth/authorize";
import { isRecentlyAuthenticated } from "../auth/reauthenticate";
import { SESSION_MAX_AGE_SECONDS } from "../auth/sign-in";
import type { RequestMeta, Viewer } from "../auth/viewer";
import { applyConsentChanges, validateConsentChanges } from "../consent";
import { getPrisma, type Prisma } from "../db";
import { isSuppressed } from "../erasure/suppression";
import { acceptInvitationsOnSignUp } from "../invitations";
import { tryDeliverPendingEmails } from "../mail";
import { findShop, type ShopRef } from "../tenants";
import { cleanProviderData, cleanProviderText } from "./clean";
import { type ProviderProfile, parseProviderId, type SocialProvider, shopProviders } from "./providers";

// What happens when someone comes back from a provider (next-auth's signIn callback,
// server/auth/options.ts). Three cases, by who the browser already is in this shop:
//   - signed out: the identity's customer is signed in; an unknown identity opens a new
//     account, but never by matching an email that already has an account (that would
//     let whoever controls an address at a provider take the account over);
//   - signed in as a customer of this shop: the identity is linked to that customer
//     (the password entered again recently, or a linked provider used just now), or, if
//     it is already theirs, counts as entering their credentials again;
//   - a support agent's session: refused; agents never link or sign in as a customer.

export type ProviderRefusal =
  | "UNKNOWN_PROVIDER" // not a provider this shop offers
  | "NO_EMAIL" // a new account needs an email, and the provider gave none
  | "EMAIL_IN_USE" // the email has an account: sign in and link from there
  | "CANNOT_REGISTER_AGAIN" // the shop does not allow a new account after deletion
  | "LINKED_TO_ANOTHER_ACCOUNT"
  | "UNLINKED" // the customer unlinked this identity; they may link it again
  | "OTHER_IDENTITY_LINKED" // another identity at this provider is linked already
  | "AUTHENTICATE_AGAIN" // linking needs the password entered again
  | "NOT_FOR_SUPPORT_STAFF";

export type ProviderSignInResult =
  | {
      ok: true;
      outcome: "signed-in" | "signed-up" | "linked" | "confirmed";
      customerId: string;
      sessionId: string;
      shopHandle: string;
      provider: SocialProvider;
    }
  | { ok: false; reason: ProviderRefusal; shopHandle: string | null; provider: SocialProvider | null };

export type ProviderSignIn = {
  // next-auth's provider id, "<shop>-<provider>".
  providerId: string;
  profile: ProviderProfile;
  // The permissions the provider granted (its token response's `scope`).
  scope: string | null;
  // Who the browser is in this request, from its session cookie.
  current: Viewer;
  client: RequestMeta;
  // The marketing channels ticked on the sign-up page before choosing the provider
  // (each is consent to every topic sent on it, as with the form); used only when an
  // account is opened.
  signUpMarketingChannels?: string[];
  // The invitation link the sign-up page was opened with (server/invitations).
  invitationToken?: string | null;
  globalPrivacyControl?: boolean;
  now?: Date;
};

const refuse = (reason: ProviderRefusal, shop: ShopRef | null, provider: SocialProvider | null) =>
  ({ ok: false, reason, shopHandle: shop?.handle ?? null, provider }) as const;

export async function signInWithProvider(input: ProviderSignIn): Promise<ProviderSignInResult> {
  const parsed = parseProviderId(input.providerId);
  const shop = parsed ? await findShop({ handle: parsed.shop }) : null;
  if (!parsed || !shop || !shopProviders(shop.profile).some((p) => p.provider === parsed.provider && p.isConfigured)) {
    return refuse("UNKNOWN_PROVIDER", shop, parsed?.provider ?? null);
  }
  const provider = parsed.provider;
  const providerAccountId = cleanProviderText(input.profile.id, 255);
  if (!providerAccountId) return refuse("UNKNOWN_PROVIDER", shop, provider);
  const now = input.now ?? new Date();
  const current = input.current;
  if (current.kind === "agent") {
    // authorize refuses (and audits, in a support session) what agents may not do.
    await authorize(current, "social.link").catch(() => null);
    return refuse("NOT_FOR_SUPPORT_STAFF", shop, provider);
  }

  const prisma = getPrisma();
  const existing = await prisma.account.findUnique({
    where: { shopId_provider_providerAccountId: { shopId: shop.id, provider, providerAccountId } },
    select: { id: true, customerId: true, unlinkedAt: true },
  });
  const details = cleanProviderData(input.profile.details);
  const scope = cleanProviderText(input.scope, 500);

  if (current.kind === "customer" && current.shop.id === shop.id) {
    // Linking (or confirming) for the browser's own customer, in its own session.
    const linkScope = await authorize(current, "social.link");
    const { customerId } = linkScope;
    const self = requireSelf(current);
    if (existing && existing.customerId !== customerId) return refuse("LINKED_TO_ANOTHER_ACCOUNT", shop, provider);
    if (existing && !existing.unlinkedAt) {
      // Their own linked provider: as good as entering the password again.
      await prisma.$transaction(async (tx) => {
        await tx.session.updateMany({
          where: { id: self.sessionId, customerId, revokedAt: null },
          data: { authenticatedAt: now },
        });
        await tx.account.update({ where: { id: existing.id }, data: { lastUsedAt: now, profile: details, scope } });
        await recordSignIn(tx, { shop, customerId, method: provider, client: input.client, at: now });
      });
      return {
        ok: true,
        outcome: "confirmed",
        customerId,
        sessionId: self.sessionId,
        shopHandle: shop.handle,
        provider,
      };
    }
    if (!isRecentlyAuthenticated(self, now.getTime())) {
      return refuse("AUTHENTICATE_AGAIN", shop, provider);
    }
    const other = await prisma.account.findFirst({
      where: { shopId: shop.id, customerId, provider, unlinkedAt: null, NOT: { providerAccountId } },
      select: { id: true },
    });
    if (other) return refuse("OTHER_IDENTITY_LINKED", shop, provider);
    await prisma.$transaction(async (tx) => {
      if (existing) {
        // Linked again by the customer who unlinked it (and kept what it gave us).
        await tx.account.update({
          where: { id: existing.id },
          data: { unlinkedAt: null, linkedAt: now, lastUsedAt: now, profile: details, scope },
        });
      } else {
        await tx.account.create({
          data: {
            shopId: shop.id,
            customerId,
            type: "oauth",
            provider,
            providerAccountId,
            profile: details,
            scope,
            linkedAt: now,
            lastUsedAt: now,
          },
        });
      }
      await recordAuditEvent(tx, {
        shopId: shop.id,
        customerId,
        ...linkScope.actor,
        action: "social.link",
        details: { provider, relinked: Boolean(existing) },
      });
    });
    return { ok: true, outcome: "linked", customerId, sessionId: self.sessionId, shopHandle: shop.handle, provider };
  }

  // Signed out (or signed in at another shop: that session is replaced).
  if (existing?.unlinkedAt) return refuse("UNLINKED", shop, provider);
  if (existing) {
    const sessionId = await prisma.$transaction(async (tx) => {
      await tx.account.update({ where: { id: existing.id }, data: { lastUsedAt: now, profile: details, scope } });
      return openSession(tx, { shop, customerId: existing.customerId, method: provider, client: input.client, now });
    });
    return {
      ok: true,
      outcome: "signed-in",
      customerId: existing.customerId,
      sessionId,
      shopHandle: shop.handle,
      provider,
    };
  }

  const email = input.profile.email ? cleanProviderText(input.profile.email.trim().toLowerCase(), 254) : null;
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return refuse("NO_EMAIL", shop, provider);
  const taken = await prisma.customer.findFirst({
    where: { shopId: shop.id, email: { equals: email, mode: "insensitive" } },
    select: { id: true },
  });
  if (taken) return refuse("EMAIL_IN_USE", shop, provider);
  if (!shop.profile.deletion.canReRegister && (await isSuppressed({ shopId: shop.id, email, reason: "erasure" }))) {
    return refuse("CANNOT_REGISTER_AGAIN", shop, provider);
  }
  // The sign-up page's choices, checked as the form's are; anything invalid is dropped
  // (nothing is granted that was not validly chosen).
  const ticked = new Set(input.signUpMarketingChannels ?? []);
  const marketing = shop.profile.marketing;
  const chosen = marketing.channels
    .filter((channel) => ticked.has(channel.key))
    .flatMap((channel) =>
      marketing.topics.map((topic) => ({ key: `marketing:${channel.key}:${topic.key}`, state: "GRANTED" as const })),
    );
  let consents: ReturnType<typeof validateConsentChanges> = [];
  try {
    consents = validateConsentChanges(shop, chosen, {
      path: ["consents"],
      globalPrivacyControl: input.globalPrivacyControl ?? false,
    });
  } catch {
    consents = [];
  }
  const firstName = cleanProviderText(input.profile.firstName, 100) ?? cleanProviderText(input.profile.name, 100);
  const lastName = cleanProviderText(input.profile.lastName, 100);
  try {
    const created = await prisma.$transaction(async (tx) => {
      const customer = await tx.customer.create({
        data: {
          shopId: shop.id,
          email,
          passwordHash: null,
          firstName: firstName ?? email.split("@")[0].slice(0, 100),
          lastName: lastName ?? "",
          locale: shop.profile.locale,
        },
        select: { id: true },
      });
      await tx.account.create({
        data: {
          shopId: shop.id,
          customerId: customer.id,
          type: "oauth",
          provider,
          providerAccountId,
          profile: details,
          scope,
          linkedAt: now,
          lastUsedAt: now,
        },
      });
      if (consents.length) {
        await applyConsentChanges(tx, {
          shop,
          customerId: customer.id,
          changes: consents,
          source: "SIGN_UP",
          actor: { type: "CUSTOMER", id: customer.id },
        });
      }
      await acceptInvitationsOnSignUp(tx, {
        shopId: shop.id,
        customerId: customer.id,
        email,
        token: input.invitationToken,
        now,
      });
      await recordAuditEvent(tx, {
        shopId: shop.id,
        customerId: customer.id,
        // Nobody was signed in: the actor is the person who just opened the account.
        actorType: "CUSTOMER",
        actorId: customer.id,
        action: "social.link",
        details: { provider, signedUp: true },
      });
      const sessionId = await openSession(tx, {
        shop,
        customerId: customer.id,
        method: provider,
        client: input.client,
        now,
      });
      return { customerId: customer.id, sessionId };
    });
    if (consents.length) await tryDeliverPendingEmails({ shopId: shop.id });
    return { ok: true, outcome: "signed-up", ...created, shopHandle: shop.handle, provider };
  } catch (error) {
    // Two first sign-ins at once with the same identity or email: the other one won.
    if ((error as { code?: string }).code === "P2002") return refuse("EMAIL_IN_USE", shop, provider);
    throw error;
  }
}

async function recordSignIn(
  tx: Prisma.TransactionClient,
  options: { shop: ShopRef; customerId: string; method: string; client: RequestMeta; at: Date },
) {
  await tx.signInEvent.create({
    data: {
      shopId: options.shop.id,
      customerId: options.customerId,
      method: options.method,
      isSuccessful: true,
      at: options.at,
      ip: options.client.ip,
      userAgent: options.client.userAgent,
    },
  });
}

async function openSession(
  tx: Prisma.TransactionClient,
  options: { shop: ShopRef; customerId: string; method: string; client: RequestMeta; now: Date },
): Promise<string> {
  const session = await tx.session.create({
    data: {
      customerId: options.customerId,
      authenticatedAt: options.now,
      expiresAt: new Date(options.now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
      ip: options.client.ip,
      userAgent: options.client.userAgent,
    },
    select: { id: true },
  });
  await recordSignIn(tx, { ...options, at: options.now });
  return session.id;
}
