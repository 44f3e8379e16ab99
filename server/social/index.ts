import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "../audit";
import { authorize, requireSelf } from "../auth/authorize";
import { hashPassword, PASSWORD_MIN_LENGTH } from "../auth/password";
import { isRecentlyAuthenticated, RECENT_AUTHENTICATION_MS } from "../auth/reauthenticate";
import type { Viewer } from "../auth/viewer";
import { getPrisma } from "../db";
import { AppError } from "../errors";
import type { ShopProfile } from "../tenants/profile-schema";
import { hasUnsafeCharacters, invalidInput, UNSAFE_TEXT_MESSAGE } from "../validation";
import { type ProvidedValue, providedData } from "./provided-data";
import { isSocialProvider, PROVIDER_NAMES, providerIdFor, type SocialProvider, shopProviders } from "./providers";

// The customer's connected accounts: for each provider the shop offers, whether it is
// linked, when, when last used, and what it gave us; unlinking (never the last way to
// sign in) with or without erasing that data; and a first password for an account
// opened with a provider. Support agents may look (it is part of My data) but never
// change any of it.

export type ConnectedAccountView = {
  provider: SocialProvider;
  name: string;
  providerId: string;
  // Whether this installation can sign in with it (credentials configured).
  isAvailable: boolean;
  isLinked: boolean;
  linkedAt: Date | null;
  lastUsedAt: Date | null;
  // Unlinked, but what it gave us is kept (until erased, or the retention ends).
  unlinkedAt: Date | null;
  providedData: ProvidedValue[];
  // Why it may not be unlinked now; null when it may.
  unlinkBlockedReason: string | null;
};

export type ConnectedAccounts = {
  accounts: ConnectedAccountView[];
  hasPassword: boolean;
  purposes: ShopProfile["purposes"];
  retention: ShopProfile["retention"];
  // Until when this session may link another provider without the password again.
  canLinkUntil: Date | null;
};

const LAST_METHOD =
  "This is the only way you can sign in. Set a password or link another provider first, then unlink it.";

export async function getConnectedAccounts(options: {
  viewer: Viewer;
  customerId?: string;
}): Promise<ConnectedAccounts> {
  const scope = await authorize(options.viewer, "data.read", options.customerId);
  const prisma = getPrisma();
  const [customer, rows] = await Promise.all([
    prisma.customer.findFirst({
      where: { id: scope.customerId, shopId: scope.shop.id },
      select: { passwordHash: true },
    }),
    prisma.account.findMany({
      where: { customerId: scope.customerId, shopId: scope.shop.id },
      select: { provider: true, linkedAt: true, lastUsedAt: true, unlinkedAt: true, profile: true },
      orderBy: { linkedAt: "asc" },
    }),
  ]);
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
  const hasPassword = customer.passwordHash !== null;
  const linked = rows.filter((r) => !r.unlinkedAt);
  const offered = shopProviders(scope.shop.profile);
  // Providers the shop offers, then any the customer is linked to that it no longer
  // offers (still shown, so they can be unlinked and erased).
  const providers = [
    ...offered.map((o) => o.provider),
    ...rows.map((r) => r.provider).filter((p): p is SocialProvider => isSocialProvider(p)),
  ].filter((p, i, all) => all.indexOf(p) === i);
  const accounts = providers.map((provider): ConnectedAccountView => {
    // The linked identity, else one unlinked whose data is kept.
    const row =
      rows.find((r) => r.provider === provider && !r.unlinkedAt) ?? rows.find((r) => r.provider === provider) ?? null;
    const isLinked = Boolean(row && !row.unlinkedAt);
    const others = linked.filter((r) => r.provider !== provider).length;
    return {
      provider,
      name: PROVIDER_NAMES[provider],
      providerId: providerIdFor(scope.shop.handle, provider),
      isAvailable: offered.find((o) => o.provider === provider)?.isConfigured ?? false,
      isLinked,
      linkedAt: row?.linkedAt ?? null,
      lastUsedAt: row?.lastUsedAt ?? null,
      unlinkedAt: row?.unlinkedAt ?? null,
      providedData: row ? providedData(provider, row.profile) : [],
      unlinkBlockedReason: isLinked && !hasPassword && others === 0 ? LAST_METHOD : null,
    };
  });
  const profile = scope.shop.profile;
  const viewer = options.viewer;
  const fresh = viewer.kind === "customer" ? viewer.authenticatedAt.getTime() + RECENT_AUTHENTICATION_MS : 0;
  return {
    accounts,
    hasPassword,
    canLinkUntil: fresh > Date.now() ? new Date(fresh) : null,
    purposes: profile.purposes.filter((p) => p.categories.includes("social")),
    retention: profile.retention.filter((r) => r.categories.includes("social")),
  };
}

// One provider's card as it is after a change.
async function accountView(
  viewer: Viewer,
  customerId: string,
  provider: SocialProvider,
): Promise<ConnectedAccountView> {
  const { accounts } = await getConnectedAccounts({ viewer, customerId });
  return accounts.find((a) => a.provider === provider) as ConnectedAccountView;
}

const providerSchema = z
  .string()
  .refine(isSocialProvider, "Choose a provider: facebook, twitter, microsoft or google.");

const unlinkSchema = z.object({ provider: providerSchema, eraseProvidedData: z.boolean() });

// Unlinks a provider: it no longer signs in. With `eraseProvidedData` what it gave us is
// deleted at once; without, it is kept (shown as unlinked, erasable later) and the
// identity stays this customer's. Refused when it is the last way to sign in.
export async function unlinkConnectedAccount(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
}): Promise<ConnectedAccountView> {
  const scope = await authorize(options.viewer, "social.unlink", options.customerId);
  const parsed = unlinkSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const provider = parsed.data.provider as SocialProvider;
  const erase = parsed.data.eraseProvidedData;
  const prisma = getPrisma();
  await prisma.$transaction(async (tx) => {
    // Serialises unlinks of one customer: two at once must not both pass the check of
    // "another way to sign in remains".
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`social-unlink:${scope.customerId}`}, 0))`;
    const [customer, accounts] = await Promise.all([
      tx.customer.findFirst({ where: { id: scope.customerId, shopId: scope.shop.id }, select: { passwordHash: true } }),
      tx.account.findMany({
        where: { customerId: scope.customerId, shopId: scope.shop.id, unlinkedAt: null },
        select: { id: true, provider: true },
      }),
    ]);
    if (!customer) throw new AppError("NOT_FOUND", "Customer not found.");
    const target = accounts.find((a) => a.provider === provider);
    const notLinked = `${PROVIDER_NAMES[provider]} is not linked to your account.`;
    if (!target)
      throw new AppError("NOT_FOUND", notLinked, [
        { field: ["input", "provider"], code: "NOT_FOUND", message: notLinked },
      ]);
    if (customer.passwordHash === null && accounts.length === 1) {
      throw new AppError("CONFLICT", LAST_METHOD, [
        { field: ["input", "provider"], code: "CONFLICT", message: LAST_METHOD },
      ]);
    }
    if (erase) await tx.account.delete({ where: { id: target.id } });
    else await tx.account.update({ where: { id: target.id }, data: { unlinkedAt: new Date() } });
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "social.unlink",
      details: { provider, erasedProvidedData: erase },
    });
    // The erasure is its own step in the access log ("You erased what Facebook gave us").
    if (erase) {
      await recordAuditEvent(tx, {
        shopId: scope.shop.id,
        customerId: scope.customerId,
        ...scope.actor,
        action: "social.erase",
        details: { provider },
      });
    }
  });
  return accountView(options.viewer, scope.customerId, provider);
}

const eraseSchema = z.object({ provider: providerSchema });

// Erases what an unlinked provider gave us (kept when it was unlinked).
export async function eraseProvidedData(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
}): Promise<ConnectedAccountView> {
  const scope = await authorize(options.viewer, "social.unlink", options.customerId);
  const parsed = eraseSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const provider = parsed.data.provider as SocialProvider;
  await getPrisma().$transaction(async (tx) => {
    // An unlinked identity's kept data first (a newer identity may be linked meanwhile).
    const row = await tx.account.findFirst({
      where: { customerId: scope.customerId, shopId: scope.shop.id, provider },
      orderBy: [{ unlinkedAt: { sort: "asc", nulls: "last" } }],
      select: { id: true, unlinkedAt: true },
    });
    const message = row
      ? `${PROVIDER_NAMES[provider]} is still linked. Unlink it and choose to erase what it gave us.`
      : `We hold nothing from ${PROVIDER_NAMES[provider]}.`;
    if (!row?.unlinkedAt) {
      throw new AppError(row ? "CONFLICT" : "NOT_FOUND", message, [
        { field: ["input", "provider"], code: row ? "CONFLICT" : "NOT_FOUND", message },
      ]);
    }
    await tx.account.delete({ where: { id: row.id } });
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "social.erase",
      details: { provider },
    });
  });
  return accountView(options.viewer, scope.customerId, provider);
}

const passwordSchema = z.object({
  // As at sign-up (never trimmed: spaces may be part of it), but storable and typeable.
  password: z
    .string({ error: "Enter a password." })
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(1024, "Use at most 1024 characters.")
    .refine((value) => !hasUnsafeCharacters(value), UNSAFE_TEXT_MESSAGE),
});

// A first password for an account opened with a provider, so it no longer depends on
// the provider alone. Needs a recent sign-in (with the provider) in this session; an
// account that has a password changes it elsewhere, with the current one.
export async function setFirstPassword(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
}): Promise<{ hasPassword: true }> {
  const scope = await authorize(options.viewer, "password.change", options.customerId);
  const self = requireSelf(options.viewer);
  const parsed = passwordSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  if (!isRecentlyAuthenticated(self)) {
    throw new AppError(
      "FORBIDDEN",
      "For your security, confirm it is you first: sign in again with a provider linked to your account.",
    );
  }
  const passwordHash = await hashPassword(parsed.data.password);
  await getPrisma().$transaction(async (tx) => {
    const { count } = await tx.customer.updateMany({
      where: { id: scope.customerId, shopId: scope.shop.id, passwordHash: null },
      data: { passwordHash },
    });
    if (count === 0) {
      throw new AppError("CONFLICT", "Your account already has a password.", [
        { field: ["input", "password"], code: "CONFLICT", message: "Your account already has a password." },
      ]);
    }
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "password.set",
      details: {},
    });
  });
  return { hasPassword: true };
}
