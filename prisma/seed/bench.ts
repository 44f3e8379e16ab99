import path from "node:path";
import type { PrismaClient } from "../../server/db";
import { loadProfilesFrom } from "../../server/tenants/load-profiles";
import type { ShopProfile } from "../../server/tenants/profile-schema";
import { catalogFor, numberPrefix } from "./catalog";
import { createCustomerWithHistory, shopCountry, startOfTodayUtc } from "./customer";
import { localeFor } from "./locales";
import { type AddressSnapshot, type BuiltOrder, buildOrder, documentNumbers, insertOrders } from "./orders";
import { createRng, HOUR } from "./rng";
import { upsertShops } from "./shops";

// Benchmark data: one customer with N orders (1–3 items each, an invoice for every
// order that was not cancelled), written in batches so memory stays flat at any N.
// Re-running with the same email tops the customer up to N orders.

export type GenerateOrdersOptions = {
  shopHandle?: string; // default "almaz"
  email?: string; // default bench-<N>@<handle>.example
  orders: number;
  batchSize?: number; // default 2000
  /** Rows per createMany statement (default 250: same speed, least memory). */
  chunkSize?: number;
  /** The shop's profile; default: read from <cwd>/shops. */
  profile?: ShopProfile;
  passwordHash?: string;
  now?: Date;
  log?: (line: string) => void;
};

export type GenerateOrdersResult = {
  customerId: string;
  email: string;
  existing: number;
  created: number;
  total: number;
  ms: number;
};

export function benchEmailFor(handle: string, orders: number): string {
  return `bench-${orders}@${handle}.example`;
}

export async function generateOrders(
  prisma: PrismaClient,
  options: GenerateOrdersOptions,
): Promise<GenerateOrdersResult> {
  const started = Date.now();
  const handle = options.shopHandle ?? "almaz";
  const target = Math.max(0, Math.floor(options.orders));
  const email = options.email ?? benchEmailFor(handle, target);
  const batchSize = Math.max(1, options.batchSize ?? 2000);
  const chunkSize = Math.max(1, options.chunkSize ?? 250);
  const now = (options.now ?? startOfTodayUtc()).getTime();
  const log = options.log ?? (() => undefined);

  const profile =
    options.profile ?? loadProfilesFrom(path.join(process.cwd(), "shops")).find((p) => p.handle === handle);
  if (!profile) throw new Error(`No shop profile with handle "${handle}" in shops/`);
  const shop = (await upsertShops(prisma, [profile])).get(handle);
  if (!shop) throw new Error(`Shop ${handle} was not created`);

  let customer = await prisma.customer.findUnique({
    where: { shopId_email: { shopId: shop.id, email } },
    select: { id: true, createdAt: true, firstName: true, lastName: true },
  });
  if (!customer) {
    const id = await createCustomerWithHistory(prisma, {
      shopId: shop.id,
      profile,
      email,
      orderCount: 0,
      years: 6,
      seed: "bench",
      passwordHash: options.passwordHash,
      now: new Date(now),
    });
    customer = await prisma.customer.findUniqueOrThrow({
      where: { id },
      select: { id: true, createdAt: true, firstName: true, lastName: true },
    });
  }
  const customerId = customer.id;
  const existing = await prisma.order.count({ where: { customerId } });
  const addresses = await prisma.address.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });
  const locale = localeFor(shopCountry(profile));
  const catalog = catalogFor(profile);
  const fullName = `${customer.firstName} ${customer.lastName}`;
  const snapshot = (a: (typeof addresses)[number]): AddressSnapshot => ({
    name: a.recipientName,
    text: [a.line1, a.line2, locale.cityLine(a.postalCode, a.city), locale.countryName].filter(Boolean).join(", "),
  });
  const shippingPool = addresses.length ? addresses.map(snapshot) : [{ name: fullName, text: locale.countryName }];
  const billingAddress = addresses.find((a) => a.isDefaultBilling) ?? addresses[0];
  const billing: AddressSnapshot = billingAddress
    ? { name: fullName, text: snapshot(billingAddress).text }
    : shippingPool[0];

  const numbers = await documentNumbers(prisma, shop.id, numberPrefix(handle));
  const start = customer.createdAt.getTime() + HOUR;
  const slot = (now - 3 * HOUR - start) / Math.max(1, target);
  let created = 0;
  if (existing >= target) {
    log(`${email} already has ${existing.toLocaleString("en")} orders (target ${target.toLocaleString("en")})`);
  }
  for (let first = existing; first < target; first += batchSize) {
    const batchStarted = Date.now();
    const last = Math.min(target, first + batchSize);
    const rng = createRng(`${email}|orders|${first}`);
    const built: BuiltOrder[] = [];
    for (let i = first; i < last; i++) {
      // Order i sits in its own time slot, so orders stay in number and time order.
      const placedAt = Math.floor(start + (i + 0.1 + rng.next() * 0.8) * slot);
      const shipping = rng.chance(0.8) ? shippingPool[0] : rng.pick(shippingPool);
      built.push(
        buildOrder(
          rng,
          { shopId: shop.id, customerId, locale, catalog, numbers, now },
          { placedAt, shipping, billing, minItems: 1, maxItems: 3, withWarranties: false },
        ),
      );
    }
    await prisma.$transaction(async (tx) => insertOrders(tx, built, chunkSize), {
      timeout: 10 * 60_000,
      maxWait: 60_000,
    });
    created += built.length;
    log(
      `  orders ${last.toLocaleString("en")}/${target.toLocaleString("en")}  (+${built.length.toLocaleString("en")} in ${((Date.now() - batchStarted) / 1000).toFixed(1)} s, ${((Date.now() - started) / 1000).toFixed(1)} s so far)`,
    );
  }
  return { customerId, email, existing, created, total: existing + created, ms: Date.now() - started };
}
