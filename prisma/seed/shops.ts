import type { PrismaClient } from "../../server/db";
import type { ShopProfile } from "../../server/tenants/profile-schema";
import { createCustomerWithHistory, demoPasswordHash, randomPerson, shopCountry, startOfTodayUtc } from "./customer";
import { localeFor } from "./locales";
import type { Db } from "./orders";
import { seedRequests } from "./requests";
import { createRng } from "./rng";

// The demo tenants: one Shop row per profile, and per shop a demo customer with a long
// history, a few other customers and one brand-new sign-up.

export type ShopRow = { id: string; handle: string; name: string };

export type SeedShopsOptions = {
  /** Reference "now" for all histories (default: start of today, UTC). */
  now?: Date;
  /** Password hash for every seeded customer (default: hash of "privacy-demo", computed once). */
  passwordHash?: string;
  /** Customers with full history besides the demo customer and the new sign-up (default 3). */
  otherCustomers?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
};

export type ShopSeedResult = {
  handle: string;
  name: string;
  shopId: string;
  demoEmail: string;
  alreadySeeded: boolean;
  customers: number;
  orders: number;
  invoices: number;
};

export function demoEmailFor(handle: string): string {
  return `demo@${handle}.example`;
}

/** Creates or renames one Shop row per profile; returns them by handle. */
export async function upsertShops(db: Db, profiles: readonly ShopProfile[]): Promise<Map<string, ShopRow>> {
  const shops = new Map<string, ShopRow>();
  for (const profile of profiles) {
    const shop = await db.shop.upsert({
      where: { handle: profile.handle },
      create: { handle: profile.handle, name: profile.name },
      update: { name: profile.name },
      select: { id: true, handle: true, name: true },
    });
    shops.set(shop.handle, shop);
  }
  return shops;
}

/**
 * Seeds every shop that does not have its demo customer yet (one transaction per shop,
 * so a failed run leaves nothing half-written). Never deletes anything: consent records
 * are append-only.
 */
export async function seedShops(
  prisma: PrismaClient,
  profiles: readonly ShopProfile[],
  options: SeedShopsOptions = {},
): Promise<ShopSeedResult[]> {
  const now = options.now ?? startOfTodayUtc();
  const passwordHash = options.passwordHash ?? (await demoPasswordHash());
  const others = options.otherCustomers ?? 3;
  const shops = await upsertShops(prisma, profiles);
  const results: ShopSeedResult[] = [];

  for (const profile of profiles) {
    const shop = shops.get(profile.handle);
    if (!shop) throw new Error(`Shop ${profile.handle} was not created`);
    const demoEmail = demoEmailFor(profile.handle);
    const existing = await prisma.customer.findUnique({
      where: { shopId_email: { shopId: shop.id, email: demoEmail } },
      select: { id: true },
    });
    const alreadySeeded = existing !== null;
    await seedAgents(prisma, shop.id, profile.handle, passwordHash);
    if (!alreadySeeded) {
      const started = Date.now();
      await prisma.$transaction(
        async (tx) => {
          const common = { shopId: shop.id, profile, passwordHash, now };
          await createCustomerWithHistory(tx, {
            ...common,
            email: demoEmail,
            isDemo: true,
            seed: `${profile.handle}:demo`,
          });
          const rng = createRng(`${profile.handle}:people`);
          const locale = localeFor(shopCountry(profile));
          const used = new Set([demoEmail]);
          const people = [];
          while (people.length < others + 1) {
            const person = randomPerson(rng, locale);
            if (used.has(person.email)) continue;
            used.add(person.email);
            people.push(person);
          }
          const withRequests: string[] = [];
          for (const [i, person] of people.entries()) {
            const isNew = i === people.length - 1;
            const id = await createCustomerWithHistory(tx, {
              ...common,
              email: person.email,
              firstName: person.firstName,
              lastName: person.lastName,
              gender: person.gender,
              history: isNew ? "new" : "full",
              seed: `${profile.handle}:${i}`,
            });
            if (!isNew) withRequests.push(id);
          }
          await seedRequests(tx, { shopId: shop.id, customerIds: withRequests, profile, now });
        },
        { timeout: 10 * 60_000, maxWait: 60_000 },
      );
      options.log?.(`${profile.handle}: seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } else {
      options.log?.(`${profile.handle}: already seeded (its demo customer exists), skipped`);
    }
    const [customers, orders, invoices] = await Promise.all([
      prisma.customer.count({ where: { shopId: shop.id } }),
      prisma.order.count({ where: { shopId: shop.id } }),
      prisma.invoice.count({ where: { shopId: shop.id } }),
    ]);
    results.push({
      handle: profile.handle,
      name: profile.name,
      shopId: shop.id,
      demoEmail,
      alreadySeeded,
      customers,
      orders,
      invoices,
    });
  }
  return results;
}

// The demo support staff of a shop: agent@<handle>.example (SUPPORT) and
// dpo@<handle>.example (PRIVACY_OFFICER), with the demo password. Idempotent.
export const demoAgentsFor = (handle: string) => [
  { email: `agent@${handle}.example`, displayName: "Sam from support", role: "SUPPORT" as const },
  { email: `dpo@${handle}.example`, displayName: "Dana, privacy officer", role: "PRIVACY_OFFICER" as const },
];

export async function seedAgents(prisma: PrismaClient, shopId: string, handle: string, passwordHash: string) {
  for (const agent of demoAgentsFor(handle)) {
    await prisma.agent.upsert({
      where: { shopId_email: { shopId, email: agent.email } },
      create: { shopId, ...agent, passwordHash },
      update: {},
    });
  }
}
