import "server-only";
import { Zip, ZipPassThrough } from "fflate";
import { fromGlobalId } from "@/graphql/global-id";
import { recordAuditEvent } from "../audit";
import { authorize, type Scope } from "../auth/authorize";
import type { Viewer } from "../auth/viewer";
import { getPrisma, type Prisma } from "../db";
import { AppError } from "../errors";
import { logEvent } from "../log";
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

// Downloads appear in the customer's access log (whoever made them: the customer, or a
// support agent acting in the account).
async function recordDownload(scope: Scope, action: string, details: Record<string, unknown>): Promise<void> {
  await getPrisma().$transaction((tx) =>
    recordAuditEvent(tx, { shopId: scope.shop.id, customerId: scope.customerId, ...scope.actor, action, details }),
  );
}

export async function getDocumentPdf(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
}): Promise<DocumentPdf> {
  // Signed-out callers learn nothing about the id, not even whether it is well formed.
  const scope = await authorize(options.viewer, "document.download", options.customerId);
  const parsed = fromGlobalId(options.id);
  // An id that is not a uuid would make the database raise an error (a 500), not a 404.
  if (!parsed || !UUID.test(parsed.id)) throw notFound();
  const where = { id: parsed.id, customerId: scope.customerId, shopId: scope.shop.id };
  const issuer = issuerFor(scope.shop);

  if (parsed.type === "Invoice") {
    const invoice = await getPrisma().invoice.findFirst({ where, select: invoiceSelect });
    if (!invoice) throw notFound();
    await recordDownload(scope, "document.download", { documentType: "Invoice", documentId: parsed.id });
    return { filename: filenameFor("invoice", invoice.number), bytes: await renderInvoicePdf({ invoice, issuer }) };
  }
  if (parsed.type === "WarrantyCertificate") {
    const certificate = await getPrisma().warrantyCertificate.findFirst({ where, select: warrantySelect });
    if (!certificate) throw notFound();
    await recordDownload(scope, "document.download", {
      documentType: "WarrantyCertificate",
      documentId: parsed.id,
    });
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

export const DOCUMENTS_ARCHIVE = {
  // Documents rendered per step: the next step runs only when the client has read the
  // bytes of the last one, so a slow download holds no more than this many PDFs.
  batch: 25,
};

export type DocumentsArchive = { filename: string; stream: ReadableStream<Uint8Array> };

// All of the signed-in customer's invoices and warranty certificates as one ZIP, named
// as the single downloads are. Streamed: documents are rendered page by page as the
// client reads, so an account with thousands of documents needs little memory. The
// viewer is checked before anything is streamed (a signed-out caller gets the error).
export async function getDocumentsArchive(options: {
  viewer: Viewer;
  customerId?: string;
  now?: Date;
}): Promise<DocumentsArchive> {
  const scope = await authorize(options.viewer, "document.download", options.customerId);
  await recordDownload(scope, "documents.archive", {});
  const now = options.now ?? new Date();
  const kinds: DocumentKind[] = ["invoice", "warranty"];
  let kind = 0;
  let after: { issuedAt: Date; id: string } | null = null;
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  let isEnded = false;
  let isWritten = false;
  const names = new Set<string>();
  const zip = new Zip((error, chunk, isFinal) => {
    if (error) failure = error;
    else pending.push(chunk);
    if (isFinal) isWritten = true;
  });
  // Numbers are unique per shop, but two that differ only in characters a file name
  // cannot carry would collide once made safe.
  const uniqueName = (name: string) => {
    let candidate = name;
    for (let n = 2; names.has(candidate); n++) candidate = name.replace(/\.pdf$/, `-${n}.pdf`);
    names.add(candidate);
    return candidate;
  };
  const step = async () => {
    if (kind >= kinds.length) {
      zip.end();
      isEnded = true;
      return;
    }
    const take = DOCUMENTS_ARCHIVE.batch;
    const page = await renderDocumentsForExport({
      shop: scope.shop,
      customerId: scope.customerId,
      kind: kinds[kind],
      after,
      take,
      range: { from: null, toExclusive: null },
    });
    for (const document of page) {
      // PDF streams are compressed already.
      const file = new ZipPassThrough(uniqueName(document.path.slice(document.path.lastIndexOf("/") + 1)));
      file.mtime = document.issuedAt;
      zip.add(file);
      file.push(document.bytes, true);
    }
    const last = page.at(-1);
    if (page.length < take || !last) {
      kind++;
      after = null;
    } else {
      after = { issuedAt: last.issuedAt, id: last.id };
    }
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (!pending.length && !isEnded) await step();
        if (failure) throw failure;
        const chunks = pending;
        pending = [];
        for (const chunk of chunks) controller.enqueue(chunk);
        if (isEnded && isWritten && !pending.length) controller.close();
      } catch (error) {
        logEvent("error", {
          event: "documents.archive-failed",
          shop: scope.shop.handle,
          errorName: error instanceof Error ? error.name : typeof error,
        });
        throw error;
      }
    },
  });
  return { filename: `${scope.shop.handle}-documents-${now.toISOString().slice(0, 10)}.zip`, stream };
}
