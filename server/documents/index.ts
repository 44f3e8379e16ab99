import "server-only";
import { fromGlobalId } from "@/graphql/global-id";
import { requireCustomer, type Viewer } from "../auth/viewer";
import { getPrisma, type Prisma } from "../db";
import { AppError } from "../errors";
import type { ShopRef } from "../tenants";
import { type DocumentIssuer, renderInvoicePdf, renderWarrantyCertificatePdf } from "./render-pdf";

// Invoices and warranty certificates as PDF downloads. A document is found only through
// the signed-in customer's own shop and account, so an id cannot be guessed or probed:
// "not yours" and "does not exist" give the same NOT_FOUND.

export type DocumentPdf = { filename: string; bytes: Uint8Array };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invoiceSelect = {
  number: true,
  issuedAt: true,
  billingName: true,
  billingAddress: true,
  billingTaxId: true,
  currency: true,
  netCents: true,
  taxCents: true,
  totalCents: true,
  order: {
    select: {
      number: true,
      placedAt: true,
      shippingCents: true,
      // uuid v7 ids follow insertion order, which is the order the lines were placed in.
      items: { select: { sku: true, productName: true, quantity: true, unitPriceCents: true }, orderBy: { id: "asc" } },
    },
  },
} as const satisfies Prisma.InvoiceSelect;

const warrantySelect = {
  number: true,
  productName: true,
  serialNumber: true,
  holderName: true,
  issuedAt: true,
  validUntil: true,
  order: { select: { number: true } },
} as const satisfies Prisma.WarrantyCertificateSelect;

function notFound(): AppError {
  return new AppError("NOT_FOUND", "Document not found.");
}

function issuerFor(shop: ShopRef): DocumentIssuer {
  const controller = shop.profile.controllers[0];
  return {
    shopName: shop.name,
    legalName: controller.name,
    address: controller.address,
    registration: controller.registration ?? null,
    taxId: controller.taxId ?? null,
    accentColor: shop.profile.branding.primaryColor,
  };
}

// Document numbers are shop-chosen text; a header value must not carry quotes or
// path separators.
function filenameFor(kind: "invoice" | "warranty", number: string): string {
  const safe = number
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "")
    .slice(0, 100);
  return `${kind}-${safe || "document"}.pdf`;
}

export async function getDocumentPdf(options: { viewer: Viewer; id: string }): Promise<DocumentPdf> {
  // Signed-out callers learn nothing about the id, not even whether it is well formed.
  const viewer = requireCustomer(options.viewer);
  const parsed = fromGlobalId(options.id);
  // An id that is not a uuid would make the database raise an error (a 500), not a 404.
  if (!parsed || !UUID.test(parsed.id)) throw notFound();
  const where = { id: parsed.id, customerId: viewer.customerId, shopId: viewer.shop.id };
  const issuer = issuerFor(viewer.shop);

  if (parsed.type === "Invoice") {
    const invoice = await getPrisma().invoice.findFirst({ where, select: invoiceSelect });
    if (!invoice) throw notFound();
    return { filename: filenameFor("invoice", invoice.number), bytes: await renderInvoicePdf({ invoice, issuer }) };
  }
  if (parsed.type === "WarrantyCertificate") {
    const certificate = await getPrisma().warrantyCertificate.findFirst({ where, select: warrantySelect });
    if (!certificate) throw notFound();
    return {
      filename: filenameFor("warranty", certificate.number),
      bytes: await renderWarrantyCertificatePdf({ certificate, issuer }),
    };
  }
  throw notFound();
}

export type ExportedDocument = { id: string; issuedAt: Date; path: string; bytes: Uint8Array };
export type DocumentKind = "invoice" | "warranty";

// One page of a customer's documents rendered as PDF files for the ZIP export, in
// (issuedAt, id) order from `after`; scoped by customer and shop like every read.
// Called by the export job, which acts for the export's owner (no session).
export async function renderDocumentsForExport(options: {
  shop: ShopRef;
  customerId: string;
  kind: DocumentKind;
  after: { issuedAt: Date; id: string } | null;
  take: number;
  range: { from: Date | null; toExclusive: Date | null };
}): Promise<ExportedDocument[]> {
  const { shop, customerId, kind, after, take, range } = options;
  const issuedAt = {
    ...(range.from ? { gte: range.from } : {}),
    ...(range.toExclusive ? { lt: range.toExclusive } : {}),
  };
  const where = {
    customerId,
    shopId: shop.id,
    issuedAt,
    ...(after
      ? { OR: [{ issuedAt: { gt: after.issuedAt } }, { issuedAt: after.issuedAt, id: { gt: after.id } }] }
      : {}),
  };
  const orderBy = [{ issuedAt: "asc" as const }, { id: "asc" as const }];
  const issuer = issuerFor(shop);
  if (kind === "invoice") {
    const rows = await getPrisma().invoice.findMany({ where, orderBy, take, select: { id: true, ...invoiceSelect } });
    const out: ExportedDocument[] = [];
    for (const invoice of rows) {
      out.push({
        id: invoice.id,
        issuedAt: invoice.issuedAt,
        path: `documents/invoices/${filenameFor("invoice", invoice.number)}`,
        bytes: await renderInvoicePdf({ invoice, issuer }),
      });
    }
    return out;
  }
  const rows = await getPrisma().warrantyCertificate.findMany({
    where,
    orderBy,
    take,
    select: { id: true, ...warrantySelect },
  });
  const out: ExportedDocument[] = [];
  for (const certificate of rows) {
    out.push({
      id: certificate.id,
      issuedAt: certificate.issuedAt,
      path: `documents/warranty-certificates/${filenameFor("warranty", certificate.number)}`,
      bytes: await renderWarrantyCertificatePdf({ certificate, issuer }),
    });
  }
  return out;
}
