import "server-only";
import { authorize, type ReadAction, tryAuthorize } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { decodeCursor, type Page, pageSize } from "../data-map/view";
import { getPrisma, type Prisma } from "../db";

// Orders, invoices and warranty certificates of the signed-in customer, newest first,
// as pages. Each page is a fixed number of queries whatever its size.

const orderSelect = {
  id: true,
  number: true,
  placedAt: true,
  status: true,
  currency: true,
  subtotalCents: true,
  shippingCents: true,
  totalCents: true,
  shippingName: true,
  shippingAddress: true,
  billingName: true,
  billingAddress: true,
  items: {
    select: { id: true, sku: true, productName: true, quantity: true, unitPriceCents: true },
    orderBy: { id: "asc" },
  },
  invoices: { select: { id: true, number: true } },
} satisfies Prisma.OrderSelect;

export type OrderView = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;

const invoiceSelect = {
  id: true,
  number: true,
  issuedAt: true,
  currency: true,
  netCents: true,
  taxCents: true,
  totalCents: true,
  billingName: true,
  billingAddress: true,
  billingTaxId: true,
  order: { select: { number: true } },
} satisfies Prisma.InvoiceSelect;

export type InvoiceView = Prisma.InvoiceGetPayload<{ select: typeof invoiceSelect }>;

const warrantySelect = {
  id: true,
  number: true,
  productName: true,
  serialNumber: true,
  holderName: true,
  issuedAt: true,
  validUntil: true,
  order: { select: { number: true } },
} satisfies Prisma.WarrantyCertificateSelect;

export type WarrantyView = Prisma.WarrantyCertificateGetPayload<{ select: typeof warrantySelect }>;

type PageArgs = { viewer: Viewer; customerId?: string; first?: number | null; after?: string | null };
type PageOptions = PageArgs & { action: ReadAction };
type Window = { take: number; cursor?: { id: string }; skip?: number };
type OwnerWhere = { customerId: string; shopId: string };

// One page: the rows after the cursor plus one (to know whether more follow) and the
// total, both scoped to the viewer.
async function page<T extends { id: string }>(
  options: PageOptions,
  fetch: (where: OwnerWhere, window: Window) => Promise<T[]>,
  count: (where: OwnerWhere) => Promise<number>,
): Promise<Page<T>> {
  const scope = await authorize(options.viewer, options.action, options.customerId);
  const take = pageSize(options.first);
  const cursor = decodeCursor(options.after);
  const where = { customerId: scope.customerId, shopId: scope.shop.id };
  const window = { take: take + 1, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) };
  const [rows, totalCount] = await Promise.all([fetch(where, window), count(where)]);
  return { nodes: rows.slice(0, take), hasNextPage: rows.length > take, totalCount };
}

const newestFirst = <K extends string>(field: K) => [{ [field]: "desc" as const }, { id: "desc" as const }];

export function listOrders(options: PageArgs): Promise<Page<OrderView>> {
  const prisma = getPrisma();
  return page(
    { ...options, action: "data.read" },
    (where, window) =>
      prisma.order.findMany({ where, select: orderSelect, orderBy: newestFirst("placedAt"), ...window }),
    (where) => prisma.order.count({ where }),
  );
}

export function listInvoices(options: PageArgs): Promise<Page<InvoiceView>> {
  const prisma = getPrisma();
  return page(
    { ...options, action: "documents.read" },
    (where, window) =>
      prisma.invoice.findMany({ where, select: invoiceSelect, orderBy: newestFirst("issuedAt"), ...window }),
    (where) => prisma.invoice.count({ where }),
  );
}

export function listWarrantyCertificates(options: PageArgs): Promise<Page<WarrantyView>> {
  const prisma = getPrisma();
  return page(
    { ...options, action: "documents.read" },
    (where, window) =>
      prisma.warrantyCertificate.findMany({
        where,
        select: warrantySelect,
        orderBy: newestFirst("issuedAt"),
        ...window,
      }),
    (where) => prisma.warrantyCertificate.count({ where }),
  );
}

// For node(id:): one record, only the viewer's own in their shop; null otherwise.
export async function findOwnRecord(options: {
  viewer: Viewer;
  type: "Order" | "Invoice" | "WarrantyCertificate";
  id: string;
}): Promise<OrderView | InvoiceView | WarrantyView | null> {
  const scope = await tryAuthorize(options.viewer, options.type === "Order" ? "data.read" : "documents.read");
  if (!scope || !/^[0-9a-f-]{36}$/i.test(options.id)) return null;
  const where = { id: options.id, customerId: scope.customerId, shopId: scope.shop.id };
  const prisma = getPrisma();
  switch (options.type) {
    case "Order":
      return prisma.order.findFirst({ where, select: orderSelect });
    case "Invoice":
      return prisma.invoice.findFirst({ where, select: invoiceSelect });
    case "WarrantyCertificate":
      return prisma.warrantyCertificate.findFirst({ where, select: warrantySelect });
  }
}
