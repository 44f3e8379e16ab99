import type { Prisma } from "../../server/db";
import type { OrderStatus } from "../../server/db/generated/enums";
import type { Catalog, Product } from "./catalog";
import { convertCents, type Locale } from "./locales";
import { addYears, DAY, HOUR, MINUTE, type Rng, uuidv7 } from "./rng";

// Orders with their items, invoice and warranty certificates, built in memory (no I/O)
// so the demo customers and the benchmark generator share the same shapes and maths.

export type Db = Prisma.TransactionClient;

export type AddressSnapshot = { name: string; text: string };

export type DocumentNumbers = {
  prefix: string;
  nextOrder(): number;
  nextInvoice(): number;
  nextWarranty(): number;
};

export type OrderContext = {
  shopId: string;
  customerId: string;
  locale: Locale;
  catalog: Catalog;
  numbers: DocumentNumbers;
  now: number;
};

export type BuiltOrder = {
  order: Prisma.OrderCreateManyInput;
  items: Prisma.OrderItemCreateManyInput[];
  invoice: Prisma.InvoiceCreateManyInput | null;
  warranties: Prisma.WarrantyCertificateCreateManyInput[];
};

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function formatOrderNumber(prefix: string, seq: number): string {
  return `${prefix}-${seq}`;
}
export function formatInvoiceNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${pad(seq, 6)}`;
}
export function formatWarrantyNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-W-${year}-${pad(seq, 6)}`;
}

/**
 * Next free document numbers in a shop: one past the largest numeric suffix in use, so
 * seeding more customers (or topping up the benchmark customer) never collides.
 * Not safe against another writer numbering documents in the same shop at the same time.
 */
export async function documentNumbers(db: Db, shopId: string, prefix: string): Promise<DocumentNumbers> {
  const rows = await db.$queryRaw<{ orders: number | null; invoices: number | null; warranties: number | null }[]>`
    SELECT
      (SELECT MAX(CAST(substring("number" from '([0-9]+)$') AS INTEGER)) FROM "Order" WHERE "shopId" = ${shopId}::uuid) AS orders,
      (SELECT MAX(CAST(substring("number" from '([0-9]+)$') AS INTEGER)) FROM "Invoice" WHERE "shopId" = ${shopId}::uuid) AS invoices,
      (SELECT MAX(CAST(substring("number" from '([0-9]+)$') AS INTEGER)) FROM "WarrantyCertificate" WHERE "shopId" = ${shopId}::uuid) AS warranties`;
  let order = Math.max(Number(rows[0]?.orders ?? 0), 100_000);
  let invoice = Number(rows[0]?.invoices ?? 0);
  let warranty = Number(rows[0]?.warranties ?? 0);
  return {
    prefix,
    nextOrder: () => ++order,
    nextInvoice: () => ++invoice,
    nextWarranty: () => ++warranty,
  };
}

/** Status of an order from its age: new ones are in progress, old ones mostly delivered. */
export function orderStatusFor(rng: Rng, placedAt: number, now: number): OrderStatus {
  const age = now - placedAt;
  if (age < 2 * DAY) return rng.chance(0.6) ? "PLACED" : "PAID";
  if (age < 6 * DAY) return rng.chance(0.85) ? "SHIPPED" : "PAID";
  return rng.weighted<OrderStatus>([
    ["DELIVERED", 85],
    ["CANCELLED", 7],
    ["RETURNED", 8],
  ]);
}

function serialNumber(rng: Rng, catalog: Catalog): string {
  const letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
  const l = () => letters[rng.int(0, letters.length - 1)];
  switch (catalog.kind) {
    case "photo":
      return `${l()}${l()}${rng.digits(8)}`;
    case "jewellery":
      return `${rng.int(2015, 2026)}-${l()}${rng.digits(5)}`;
    default:
      return `${l()}${l()}${l()}-${rng.digits(4)}-${rng.digits(4)}`;
  }
}

function pickItems(
  rng: Rng,
  catalog: Catalog,
  minItems: number,
  maxItems: number,
): { product: Product; quantity: number }[] {
  const count = rng.int(minItems, maxItems);
  // Cheaper things are bought more often than sofas and full-frame cameras.
  const weighted = catalog.products.map(
    (product) => [product, 1 / Math.sqrt(Math.max(1, product.priceCents / 10_000))] as const,
  );
  const chosen = new Map<string, Product>();
  for (let tries = 0; chosen.size < count && tries < count * 6; tries++) {
    const product = rng.weighted(weighted);
    chosen.set(product.sku, product);
  }
  return [...chosen.values()].map((product) => ({
    product,
    quantity: product.maxQuantity > 1 && rng.chance(0.35) ? rng.int(2, product.maxQuantity) : 1,
  }));
}

/** Splits a VAT-inclusive amount into net and tax. */
export function splitVat(grossCents: number, vatPercent: number): { netCents: number; taxCents: number } {
  const netCents = Math.round((grossCents * 100) / (100 + vatPercent));
  return { netCents, taxCents: grossCents - netCents };
}

export function buildOrder(
  rng: Rng,
  ctx: OrderContext,
  input: {
    placedAt: number;
    status?: OrderStatus;
    shipping: AddressSnapshot;
    billing: AddressSnapshot;
    minItems?: number;
    maxItems?: number;
    withWarranties?: boolean;
  },
): BuiltOrder {
  const { locale, catalog, numbers } = ctx;
  const placedAt = new Date(input.placedAt);
  const status = input.status ?? orderStatusFor(rng, input.placedAt, ctx.now);
  const currency = locale.currencyAt(placedAt);
  const orderId = uuidv7(input.placedAt);

  const lines = pickItems(rng, catalog, input.minItems ?? 1, input.maxItems ?? 4);
  const items: Prisma.OrderItemCreateManyInput[] = lines.map(({ product, quantity }) => {
    let unit = convertCents(product.priceCents, locale.baseCurrency, currency);
    if (rng.chance(0.15)) unit = Math.max(100, Math.floor((unit * (100 - rng.pick([10, 15, 20, 25]))) / 10_000) * 100); // promotion, whole units
    return {
      id: uuidv7(input.placedAt),
      orderId,
      sku: product.sku,
      productName: product.name,
      quantity,
      unitPriceCents: unit,
    };
  });
  const subtotalCents = items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
  const rule = locale.shipping[currency] ?? { feeCents: 0, freeAboveCents: 0 };
  const shippingCents = subtotalCents >= rule.freeAboveCents ? 0 : rule.feeCents;
  const totalCents = subtotalCents + shippingCents;

  const order: Prisma.OrderCreateManyInput = {
    id: orderId,
    shopId: ctx.shopId,
    customerId: ctx.customerId,
    number: formatOrderNumber(numbers.prefix, numbers.nextOrder()),
    placedAt,
    status,
    currency,
    subtotalCents,
    shippingCents,
    totalCents,
    shippingName: input.shipping.name,
    shippingAddress: input.shipping.text,
    billingName: input.billing.name,
    billingAddress: input.billing.text,
  };

  let invoice: Prisma.InvoiceCreateManyInput | null = null;
  const warranties: Prisma.WarrantyCertificateCreateManyInput[] = [];
  if (status !== "CANCELLED") {
    const issuedMs = Math.min(input.placedAt + rng.int(2, 90) * MINUTE, ctx.now);
    const issuedAt = new Date(issuedMs);
    const year = issuedAt.getUTCFullYear();
    const { netCents, taxCents } = splitVat(totalCents, locale.vatPercent);
    invoice = {
      id: uuidv7(issuedMs),
      shopId: ctx.shopId,
      customerId: ctx.customerId,
      orderId,
      number: formatInvoiceNumber(numbers.prefix, year, numbers.nextInvoice()),
      issuedAt,
      billingName: input.billing.name,
      billingAddress: input.billing.text,
      billingTaxId: null,
      currency,
      netCents,
      taxCents,
      totalCents,
    };
    if (input.withWarranties !== false && status !== "RETURNED") {
      const warrantyMs = Math.min(issuedMs + rng.int(1, 4) * HOUR, ctx.now);
      for (const { product, quantity } of lines) {
        if (!product.durable) continue;
        for (let unit = 0; unit < quantity; unit++) {
          const issued = new Date(warrantyMs);
          warranties.push({
            id: uuidv7(warrantyMs),
            shopId: ctx.shopId,
            customerId: ctx.customerId,
            orderId,
            number: formatWarrantyNumber(numbers.prefix, issued.getUTCFullYear(), numbers.nextWarranty()),
            productName: product.name,
            serialNumber: serialNumber(rng, catalog),
            holderName: input.billing.name,
            issuedAt: issued,
            validUntil: addYears(issued, 2),
          });
        }
      }
    }
  }
  return { order, items, invoice, warranties };
}

/** Inserts rows with createMany in chunks (keeps each statement well under PostgreSQL's parameter limit). */
export async function insertChunks<T>(
  rows: readonly T[],
  size: number,
  insert: (part: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size));
  }
}

/** Writes built orders: orders, then items, invoices and certificates. */
export async function insertOrders(db: Db, built: readonly BuiltOrder[], chunk = 1000): Promise<void> {
  if (built.length === 0) return;
  await insertChunks(
    built.map((b) => b.order),
    chunk,
    (data) => db.order.createMany({ data }),
  );
  await insertChunks(
    built.flatMap((b) => b.items),
    chunk,
    (data) => db.orderItem.createMany({ data }),
  );
  await insertChunks(
    built.flatMap((b) => (b.invoice ? [b.invoice] : [])),
    chunk,
    (data) => db.invoice.createMany({ data }),
  );
  await insertChunks(
    built.flatMap((b) => b.warranties),
    chunk,
    (data) => db.warrantyCertificate.createMany({ data }),
  );
}
