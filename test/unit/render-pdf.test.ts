import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import {
  type DocumentIssuer,
  formatMoney,
  type InvoiceForPdf,
  renderInvoicePdf,
  renderWarrantyCertificatePdf,
  toDrawableText,
  type WarrantyCertificateForPdf,
} from "@/server/documents/render-pdf";

const issuer: DocumentIssuer = {
  shopName: "Almaz",
  legalName: "ALMAZ DESIGN MANAGEMENT S.R.L.",
  address: "49-57 Grigore Gafencu Street, GF, space no. 2, sector 1, Bucharest, Romania",
  registration: "J40/14813/2013",
  taxId: "RO32538696",
  accentColor: "#1f3a5f",
};

const order: NonNullable<InvoiceForPdf["order"]> = {
  number: "ALM-100123",
  placedAt: new Date("2023-05-14T09:10:00Z"),
  shippingCents: 4_000,
  items: [
    { sku: "ALM-LMP-01", productName: "Table lamp", quantity: 2, unitPriceCents: 45_000 },
    { sku: "ALM-VAS-02", productName: "Glass vase", quantity: 1, unitPriceCents: 26_000 },
  ],
};

const invoice: InvoiceForPdf = {
  number: "ALM-2023-000123",
  issuedAt: new Date("2023-05-14T09:30:00Z"),
  billingName: "Ana Popescu",
  billingAddress: "Strada Mihai Eminescu 12, ap. 4, 010011 Bucharest, Romania",
  billingTaxId: null,
  currency: "RON",
  netCents: 100_840,
  taxCents: 19_160,
  totalCents: 120_000,
  order,
};

const certificate: WarrantyCertificateForPdf = {
  number: "ALM-W-2023-000045",
  productName: "Table lamp",
  serialNumber: "SN-4F7Q-22K9",
  holderName: "Ana Popescu",
  issuedAt: new Date("2023-05-14T11:00:00Z"),
  validUntil: new Date("2025-05-14T11:00:00Z"),
  order: { number: "ALM-100123" },
};

describe("renderInvoicePdf", () => {
  it("renders a one-page A4 invoice with its metadata", async () => {
    const bytes = await renderInvoicePdf({ invoice, issuer });
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe("Invoice ALM-2023-000123");
    expect(doc.getAuthor()).toBe("Almaz");
    expect(doc.getCreationDate()?.toISOString()).toBe("2023-05-14T09:30:00.000Z");
  });

  it("gives identical bytes for identical input", async () => {
    const first = await renderInvoicePdf({ invoice, issuer });
    const second = await renderInvoicePdf({ invoice: structuredClone(invoice), issuer: { ...issuer } });
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it("draws Romanian, Greek and Cyrillic text and keeps the real text in the metadata", async () => {
    const bytes = await renderInvoicePdf({
      invoice: {
        ...invoice,
        billingName: "Ștefan Țăranu",
        billingAddress: "Strada Aviatorilor 3, București\nΟδός Ερμού 10, Αθήνα",
        order: {
          ...order,
          items: [{ sku: "X-1", productName: "Лампа «Жар-птица» 🪔", quantity: 1, unitPriceCents: 98_000 }],
        },
      },
      issuer: { ...issuer, shopName: "Ελληνικό κατάστημα" },
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getSubject()).toContain("Ștefan Țăranu");
    expect(doc.getAuthor()).toBe("Ελληνικό κατάστημα");
  });

  it("starts new pages for long orders and still ends with the totals", async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      sku: `SKU-${i}`,
      productName: `Product number ${i} with a rather long descriptive name that needs to wrap onto a second line`,
      quantity: 1,
      unitPriceCents: 1_000,
    }));
    const bytes = await renderInvoicePdf({ invoice: { ...invoice, order: { ...order, items } }, issuer });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(1);
  });

  it("renders an invoice whose order is gone", async () => {
    const bytes = await renderInvoicePdf({ invoice: { ...invoice, order: null }, issuer });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });
});

describe("renderWarrantyCertificatePdf", () => {
  it("renders a one-page certificate with its metadata, deterministically", async () => {
    const bytes = await renderWarrantyCertificatePdf({ certificate, issuer });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe("Warranty certificate ALM-W-2023-000045");
    expect(doc.getAuthor()).toBe("Almaz");
    expect(doc.getCreationDate()?.toISOString()).toBe("2023-05-14T11:00:00.000Z");
    const again = await renderWarrantyCertificatePdf({ certificate: structuredClone(certificate), issuer });
    expect(Buffer.from(bytes).equals(Buffer.from(again))).toBe(true);
  });

  it("does not throw on Greek and Cyrillic names", async () => {
    const bytes = await renderWarrantyCertificatePdf({
      certificate: { ...certificate, holderName: "Γεώργιος Παπαδόπουλος", productName: "Фотоапарат Щит" },
      issuer,
    });
    expect((await PDFDocument.load(bytes)).getSubject()).toContain("Γεώργιος Παπαδόπουλος");
  });
});

describe("toDrawableText", () => {
  it("folds what WinAnsi cannot encode and keeps what it can", () => {
    expect(toDrawableText("Ștefan Țăranu, ș ț ş ţ")).toBe("Stefan Taranu, s t s t");
    expect(toDrawableText("Γεώργιος Παπαδόπουλος")).toBe("Georgios Papadopoulos");
    expect(toDrawableText("Ευάγγελος ΠΑΠΑΔΟΠΟΥΛΟΣ, Θεσσαλονίκη")).toBe("Evangelos PAPADOPOULOS, Thessaloniki");
    expect(toDrawableText("Жеков ЖЕКОВ Щит")).toBe("Zhekov ZHEKOV Shtit");
    expect(toDrawableText("Müller café € – “ok”")).toBe("Müller café € – “ok”");
    expect(toDrawableText("line\nbreak\ttab")).toBe("line break tab");
    expect(toDrawableText("🪔")).toBe("?");
  });

  it("only ever produces text Helvetica can encode", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const samples = ["Ștefan Țăranu", "Γεώργιος ΘΕΟΔΩΡΟΥ", "Щастлив ЮЛИЯ ёж ї", "ﬁ № ½ ‐ − 😀", "Łódź Đorđe"];
    for (const sample of samples) expect(() => font.encodeText(toDrawableText(sample))).not.toThrow();
  });
});

describe("formatMoney", () => {
  it("formats integer cents with the currency", () => {
    expect(formatMoney(120_000, "RON")).toBe("1,200.00 RON");
    expect(formatMoney(5, "EUR")).toBe("0.05 EUR");
    expect(formatMoney(-123_456_789, "BGN")).toBe("-1,234,567.89 BGN");
  });
});
