import "server-only";
import { PDFDocument, type PDFFont, type PDFPage, type RGB, rgb, StandardFonts } from "pdf-lib";
import type { Invoice, Order, OrderItem, WarrantyCertificate } from "@/server/db/generated/client";

// Invoices and warranty certificates as printable A4 PDFs. Pure: the same input gives
// the same bytes (every date in the file comes from the document, none from the clock),
// so a customer who downloads an invoice twice gets the same file.

export type DocumentIssuer = {
  shopName: string;
  legalName: string;
  address: string;
  registration?: string | null;
  taxId?: string | null;
  /** "#rrggbb"; the shop's brand colour for headings. */
  accentColor?: string | null;
};

export type InvoiceForPdf = Pick<
  Invoice,
  | "number"
  | "issuedAt"
  | "billingName"
  | "billingAddress"
  | "billingTaxId"
  | "currency"
  | "netCents"
  | "taxCents"
  | "totalCents"
> & {
  // Null when the order was deleted (the invoice outlives it under the shop's retention rule).
  order:
    | (Pick<Order, "number" | "placedAt" | "shippingCents"> & {
        items: Pick<OrderItem, "sku" | "productName" | "quantity" | "unitPriceCents">[];
      })
    | null;
};

export type WarrantyCertificateForPdf = Pick<
  WarrantyCertificate,
  "number" | "productName" | "serialNumber" | "holderName" | "issuedAt" | "validUntil"
> & { order: Pick<Order, "number"> | null };

// ---- Text the standard fonts can draw ----

// The standard 14 fonts only know WinAnsi (Windows-1252): ASCII, Latin-1 and these.
const WIN_ANSI_EXTRAS = [
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
];

function isWinAnsi(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRAS.includes(cp);
}

// Letters that do not decompose into a WinAnsi letter plus marks. Romanian comma-below
// letters do decompose, but they are the common case, so they are spelled out.
const SPECIAL: Record<string, string> = {
  ș: "s",
  ş: "s",
  Ș: "S",
  Ş: "S",
  ț: "t",
  ţ: "t",
  Ț: "T",
  Ţ: "T",
  ă: "a",
  Ă: "A",
  đ: "d",
  Đ: "D",
  ł: "l",
  Ł: "L",
  ı: "i",
  ħ: "h",
  Ħ: "H",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
};

// Greek (ELOT 743, simplified) and Cyrillic (Bulgarian streamlined system, plus the
// Russian and Ukrainian letters) to Latin; accented forms decompose to these first.
const GREEK = "α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch ψ ps ω o";
const CYRILLIC =
  "а a б b в v г g д d е e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f х h ц ts ч ch ш sh щ sht ъ a ь y ю yu я ya ы y э e ё yo і i ї yi є ye ґ g ў u";

const TRANSLITERATION: Record<string, string> = (() => {
  const map: Record<string, string> = { ...SPECIAL };
  for (const table of [GREEK, CYRILLIC]) {
    const parts = table.split(" ");
    for (let i = 0; i < parts.length; i += 2) {
      const letter = parts[i];
      const latin = parts[i + 1];
      map[letter] = latin;
      const upper = letter.toUpperCase();
      if (upper !== letter && !(upper in map)) map[upper] = latin[0].toUpperCase() + latin.slice(1);
    }
  }
  return map;
})();

const isUpperLetter = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase();

// Greek spells some sounds with two letters; letter by letter "Παπαδόπουλος" would
// read "Papadopoylos". A diaeresis (ϋ) keeps the letters apart, as in Greek.
const GREEK_DIGRAPHS: Record<string, string> = { ου: "ou", αυ: "av", ευ: "ev", ηυ: "iv", γγ: "ng" };

function greekDigraphs(text: string): string {
  if (!/[\u0370-\u03ff]/u.test(text)) return text;
  return text.normalize("NFD").replace(/([ΟοΑαΕεΗη])([Υυ])(?!\u0308)|([Γγ])([Γγ])/gu, (pair: string) => {
    const latin = GREEK_DIGRAPHS[pair.toLowerCase()];
    if (!isUpperLetter(pair[0])) return latin;
    return isUpperLetter(pair[1]) ? latin.toUpperCase() : latin[0].toUpperCase() + latin.slice(1);
  });
}

function foldChar(ch: string, prev: string | undefined, next: string | undefined): string {
  const cp = ch.codePointAt(0) ?? 0x3f;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || /\s/u.test(ch)) return " ";
  if (isWinAnsi(cp)) return ch;
  const mapped = TRANSLITERATION[ch];
  if (mapped !== undefined) {
    // "ЖЕЛЯЗКОВ" should read "ZHELYAZKOV", not "ZhELYAZKOV".
    return mapped.length > 1 && isUpperLetter(ch) && (isUpperLetter(prev) || isUpperLetter(next))
      ? mapped.toUpperCase()
      : mapped;
  }
  const decomposed = ch.normalize("NFKD").replace(/\p{M}/gu, "");
  if (decomposed && decomposed !== ch) {
    return Array.from(decomposed, (part) => foldChar(part, prev, next)).join("");
  }
  return "?";
}

/**
 * Folds text to what Helvetica (WinAnsi) can draw: accents it lacks are dropped
 * ("ș" → "s"), Greek and Cyrillic are transliterated, anything else becomes "?",
 * so a customer's name never makes a download fail. The real text stays in the
 * document's metadata.
 */
export function toDrawableText(text: string): string {
  const chars = Array.from(greekDigraphs(text).normalize("NFC"));
  return chars.map((ch, i) => foldChar(ch, chars[i - 1], chars[i + 1])).join("");
}

// ---- Formatting (fixed, locale-free, so output does not depend on the server's ICU) ----

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

// UTC: the profile names no time zone, and the date must not change with the server's.
export function formatDocumentDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function formatMoney(cents: number, currency: string): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${units}.${String(abs % 100).padStart(2, "0")} ${currency.trim()}`;
}

// ---- Layout ----

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 56;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const RIGHT = PAGE_WIDTH - MARGIN;
const FOOTER_Y = 36;
const BOTTOM = 80; // content never goes below this (room for the footer)

const INK = rgb(0.11, 0.11, 0.13);
const MUTED = rgb(0.4, 0.4, 0.44);
const RULE = rgb(0.8, 0.8, 0.83);
const FILL = rgb(0.95, 0.95, 0.96);

function parseColor(hex: string | null | undefined): RGB {
  const match = hex ? /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) : null;
  if (!match) return INK;
  return rgb(
    Number.parseInt(match[1], 16) / 255,
    Number.parseInt(match[2], 16) / 255,
    Number.parseInt(match[3], 16) / 255,
  );
}

type TextStyle = { size?: number; bold?: boolean; color?: RGB };

// A cursor over pages: draws top-down and opens a new page when the next block would
// run into the footer.
class Canvas {
  page: PDFPage;
  y = PAGE_HEIGHT - MARGIN;
  readonly accent: RGB;
  // Heads every page after the first, so a loose page still says what it belongs to.
  continuation = "";

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    accentColor: string | null | undefined,
  ) {
    this.page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.accent = parseColor(accentColor);
  }

  static async create(accentColor: string | null | undefined): Promise<Canvas> {
    // updateMetadata: false keeps pdf-lib from stamping the current time into the file.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    return new Canvas(doc, regular, bold, accentColor);
  }

  font(style: TextStyle): PDFFont {
    return style.bold ? this.bold : this.regular;
  }

  width(text: string, style: TextStyle = {}): number {
    return this.font(style).widthOfTextAtSize(toDrawableText(text), style.size ?? 10);
  }

  text(text: string, x: number, y: number, style: TextStyle = {}): void {
    this.page.drawText(toDrawableText(text), {
      x,
      y,
      size: style.size ?? 10,
      font: this.font(style),
      color: style.color ?? INK,
    });
  }

  textRight(text: string, right: number, y: number, style: TextStyle = {}): void {
    this.text(text, right - this.width(text, style), y, style);
  }

  // Greedy word wrap; a word longer than the line is split where it overflows.
  wrap(text: string, maxWidth: number, style: TextStyle = {}): string[] {
    const words = toDrawableText(text).split(" ").filter(Boolean);
    const lines: string[] = [];
    let line = "";
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.width(candidate, style) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      let rest = word;
      while (this.width(rest, style) > maxWidth) {
        let cut = rest.length - 1;
        while (cut > 1 && this.width(rest.slice(0, cut), style) > maxWidth) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line) lines.push(line);
    return lines.length > 0 ? lines : [""];
  }

  // Draws wrapped lines from the top y downwards and returns the y below them.
  paragraph(text: string, x: number, top: number, maxWidth: number, style: TextStyle = {}, leading = 1.35): number {
    const size = style.size ?? 10;
    let y = top;
    for (const line of this.wrap(text, maxWidth, style)) {
      this.text(line, x, y - size, style);
      y -= size * leading;
    }
    return y;
  }

  rule(y: number, color: RGB = RULE, thickness = 0.75, from = MARGIN, to = RIGHT): void {
    this.page.drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color });
  }

  // True when a new page had to be opened.
  ensureSpace(height: number): boolean {
    if (this.y - height >= BOTTOM) return false;
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
    if (this.continuation) {
      this.text(this.continuation, MARGIN, this.y - 10, { size: 10, bold: true, color: this.accent });
      this.y -= 26;
    }
    return true;
  }

  footer(left: string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      this.page = page;
      this.rule(FOOTER_Y + 14);
      this.text(left, MARGIN, FOOTER_Y, { size: 8, color: MUTED });
      this.textRight(`Page ${index + 1} of ${pages.length}`, RIGHT, FOOTER_Y, { size: 8, color: MUTED });
    });
  }
}

const LEFT_COLUMN = 270;
const RIGHT_COLUMN_X = MARGIN + 300;

// Shop name and legal controller on the left, returns the y below them.
function drawIssuer(canvas: Canvas, issuer: DocumentIssuer): number {
  const top = PAGE_HEIGHT - MARGIN;
  canvas.text(issuer.shopName, MARGIN, top - 20, { size: 20, bold: true, color: canvas.accent });
  let y = top - 34;
  y = canvas.paragraph(issuer.legalName, MARGIN, y, LEFT_COLUMN, { size: 9, bold: true });
  const small = { size: 9, color: MUTED };
  y = canvas.paragraph(issuer.address, MARGIN, y, LEFT_COLUMN, small);
  if (issuer.registration) y = canvas.paragraph(`Reg. no. ${issuer.registration}`, MARGIN, y, LEFT_COLUMN, small);
  if (issuer.taxId) y = canvas.paragraph(`Tax ID ${issuer.taxId}`, MARGIN, y, LEFT_COLUMN, small);
  return y;
}

// Label/value pairs in the right-hand column, returns the y below them.
function drawFacts(canvas: Canvas, facts: [string, string][], top: number): number {
  let y = top;
  for (const [label, value] of facts) {
    canvas.text(label, RIGHT_COLUMN_X, y - 9, { size: 9, color: MUTED });
    canvas.textRight(value, RIGHT, y - 9, { size: 9, bold: true });
    y -= 15;
  }
  return y;
}

function setMetadata(
  doc: PDFDocument,
  meta: { title: string; subject: string; keywords: string[]; author: string; date: Date },
): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setAuthor(meta.author);
  doc.setCreator("Privacy centre");
  doc.setProducer("Privacy centre (pdf-lib)");
  doc.setLanguage("en");
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
}

// Item rows: description, quantity, unit price, amount.
// Money columns are 100pt wide: room for "1,234,567.89 RON" at 10pt.
const COL_AMOUNT_RIGHT = RIGHT - 8;
const COL_UNIT_RIGHT = COL_AMOUNT_RIGHT - 105;
const COL_QTY_RIGHT = COL_UNIT_RIGHT - 100;
const COL_DESC_WIDTH = COL_QTY_RIGHT - 40 - (MARGIN + 8);

function drawTableHeader(canvas: Canvas): void {
  const height = 22;
  canvas.page.drawRectangle({ x: MARGIN, y: canvas.y - height, width: CONTENT_WIDTH, height, color: FILL });
  const y = canvas.y - 14.5;
  const style = { size: 8.5, bold: true, color: MUTED };
  canvas.text("DESCRIPTION", MARGIN + 8, y, style);
  canvas.textRight("QTY", COL_QTY_RIGHT, y, style);
  canvas.textRight("UNIT PRICE", COL_UNIT_RIGHT, y, style);
  canvas.textRight("AMOUNT", COL_AMOUNT_RIGHT, y, style);
  canvas.y -= height;
}

type Row = { description: string; detail?: string; quantity: string; unit: string; amount: string };

function drawRow(canvas: Canvas, row: Row): void {
  const lines = canvas.wrap(row.description, COL_DESC_WIDTH, { size: 10 });
  const height = 10 + lines.length * 13 + (row.detail ? 12 : 0) + 2;
  if (canvas.ensureSpace(height)) drawTableHeader(canvas);
  let y = canvas.y - 8;
  const first = y - 10;
  for (const line of lines) {
    canvas.text(line, MARGIN + 8, y - 10, { size: 10 });
    y -= 13;
  }
  if (row.detail) {
    canvas.text(row.detail, MARGIN + 8, y - 8.5, { size: 8, color: MUTED });
    y -= 12;
  }
  canvas.textRight(row.quantity, COL_QTY_RIGHT, first, { size: 10 });
  canvas.textRight(row.unit, COL_UNIT_RIGHT, first, { size: 10 });
  canvas.textRight(row.amount, COL_AMOUNT_RIGHT, first, { size: 10 });
  canvas.y -= height;
  canvas.rule(canvas.y);
}

export async function renderInvoicePdf(options: {
  invoice: InvoiceForPdf;
  issuer: DocumentIssuer;
}): Promise<Uint8Array> {
  const { invoice, issuer } = options;
  const canvas = await Canvas.create(issuer.accentColor);
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const top = PAGE_HEIGHT - MARGIN;

  const issuerBottom = drawIssuer(canvas, issuer);
  canvas.textRight("INVOICE", RIGHT, top - 20, { size: 20, bold: true, color: canvas.accent });
  const facts: [string, string][] = [
    ["Invoice number", invoice.number],
    ["Issue date", formatDocumentDate(invoice.issuedAt)],
  ];
  if (invoice.order) {
    facts.push(["Order number", invoice.order.number], ["Order date", formatDocumentDate(invoice.order.placedAt)]);
  }
  const factsBottom = drawFacts(canvas, facts, top - 36);
  canvas.y = Math.min(issuerBottom, factsBottom) - 14;
  canvas.rule(canvas.y, canvas.accent, 1.5);
  canvas.y -= 20;

  canvas.text("BILL TO", MARGIN, canvas.y - 8, { size: 8.5, bold: true, color: MUTED });
  let y = canvas.paragraph(invoice.billingName, MARGIN, canvas.y - 14, LEFT_COLUMN, { size: 11, bold: true });
  for (const line of invoice.billingAddress.split(/\r?\n/)) {
    y = canvas.paragraph(line, MARGIN, y, LEFT_COLUMN, { size: 10 });
  }
  if (invoice.billingTaxId)
    y = canvas.paragraph(`Tax ID ${invoice.billingTaxId}`, MARGIN, y, LEFT_COLUMN, { size: 10 });
  canvas.y = y - 22;

  let linesTotal = 0;
  canvas.continuation = `Invoice ${invoice.number} (continued)`;
  if (invoice.order) {
    drawTableHeader(canvas);
    for (const item of invoice.order.items) {
      const amount = item.quantity * item.unitPriceCents;
      linesTotal += amount;
      drawRow(canvas, {
        description: item.productName,
        detail: `SKU ${item.sku}`,
        quantity: String(item.quantity),
        unit: money(item.unitPriceCents),
        amount: money(amount),
      });
    }
    if (invoice.order.shippingCents !== 0) {
      linesTotal += invoice.order.shippingCents;
      const shipping = money(invoice.order.shippingCents);
      drawRow(canvas, { description: "Shipping", quantity: "1", unit: shipping, amount: shipping });
    }
  } else {
    canvas.ensureSpace(20);
    canvas.text(
      "The order's line items are no longer held; the amounts below are as invoiced.",
      MARGIN,
      canvas.y - 10,
      {
        size: 9.5,
        color: MUTED,
      },
    );
    canvas.y -= 20;
  }

  const totals: [string, string][] = [
    ["Net amount", money(invoice.netCents)],
    ["VAT", money(invoice.taxCents)],
  ];
  canvas.ensureSpace(24 + totals.length * 16 + 40);
  canvas.y -= 14;
  for (const [label, value] of totals) {
    canvas.text(label, RIGHT_COLUMN_X, canvas.y - 10, { size: 10, color: MUTED });
    canvas.textRight(value, COL_AMOUNT_RIGHT, canvas.y - 10, { size: 10 });
    canvas.y -= 16;
  }
  canvas.y -= 4;
  canvas.rule(canvas.y, INK, 1, RIGHT_COLUMN_X, RIGHT);
  canvas.text("Total", RIGHT_COLUMN_X, canvas.y - 17, { size: 12, bold: true });
  canvas.textRight(money(invoice.totalCents), COL_AMOUNT_RIGHT, canvas.y - 17, { size: 12, bold: true });
  canvas.y -= 28;

  // Only claim that prices include VAT when the lines really add up to the total.
  if (invoice.order && linesTotal === invoice.totalCents) {
    canvas.text(`Prices include VAT. All amounts in ${invoice.currency.trim()}.`, MARGIN, canvas.y - 10, {
      size: 8.5,
      color: MUTED,
    });
  }

  canvas.footer(`${issuer.legalName} \u00b7 Invoice ${invoice.number}`);
  setMetadata(canvas.doc, {
    title: `Invoice ${invoice.number}`,
    subject: `Invoice ${invoice.number} from ${issuer.shopName} to ${invoice.billingName}`,
    keywords: [invoice.number, ...(invoice.order ? [invoice.order.number] : [])],
    author: issuer.shopName,
    date: invoice.issuedAt,
  });
  return canvas.doc.save();
}

export async function renderWarrantyCertificatePdf(options: {
  certificate: WarrantyCertificateForPdf;
  issuer: DocumentIssuer;
}): Promise<Uint8Array> {
  const { certificate, issuer } = options;
  const canvas = await Canvas.create(issuer.accentColor);

  canvas.y = drawIssuer(canvas, issuer) - 14;
  canvas.rule(canvas.y, canvas.accent, 1.5);
  canvas.y -= 48;

  const title = "Warranty certificate";
  canvas.text(title, (PAGE_WIDTH - canvas.width(title, { size: 24, bold: true })) / 2, canvas.y, {
    size: 24,
    bold: true,
    color: canvas.accent,
  });
  const subtitle = `No. ${certificate.number}`;
  canvas.text(subtitle, (PAGE_WIDTH - canvas.width(subtitle, { size: 12 })) / 2, canvas.y - 22, {
    size: 12,
    color: MUTED,
  });
  canvas.y -= 56;

  const fields: [string, string][] = [
    ["Product", certificate.productName],
    ["Serial number", certificate.serialNumber],
    ["Holder", certificate.holderName],
    ["Issued on", formatDocumentDate(certificate.issuedAt)],
    ["Valid until", formatDocumentDate(certificate.validUntil)],
  ];
  if (certificate.order) fields.push(["Order number", certificate.order.number]);
  const isSameName = issuer.legalName.trim().toLowerCase() === issuer.shopName.trim().toLowerCase();
  fields.push(["Issued by", isSameName ? issuer.legalName : `${issuer.shopName} (${issuer.legalName})`]);

  const labelX = MARGIN + 20;
  const valueX = MARGIN + 150;
  const valueWidth = RIGHT - 20 - valueX;
  const boxTop = canvas.y;
  let y = boxTop - 14;
  for (const [index, [label, value]] of fields.entries()) {
    if (index > 0) canvas.rule(y + 2, RULE, 0.5, labelX, RIGHT - 20);
    canvas.text(label, labelX, y - 14, { size: 10, color: MUTED });
    y = canvas.paragraph(value, valueX, y - 3, valueWidth, { size: 12, bold: true }) - 10;
  }
  const boxBottom = y - 4;
  canvas.page.drawRectangle({
    x: MARGIN,
    y: boxBottom,
    width: CONTENT_WIDTH,
    height: boxTop - boxBottom,
    borderColor: canvas.accent,
    borderWidth: 1.25,
  });
  canvas.y = boxBottom - 28;

  canvas.paragraph(
    `This certificate records the warranty of the product identified above from ${formatDocumentDate(
      certificate.issuedAt,
    )} until ${formatDocumentDate(certificate.validUntil)}. Keep it together with your invoice and quote its number when you contact ${issuer.shopName}.`,
    MARGIN,
    canvas.y,
    CONTENT_WIDTH,
    { size: 10, color: MUTED },
    1.45,
  );

  canvas.footer(`${issuer.legalName} \u00b7 Warranty certificate ${certificate.number}`);
  setMetadata(canvas.doc, {
    title: `Warranty certificate ${certificate.number}`,
    subject: `${certificate.productName}, serial number ${certificate.serialNumber}, holder ${certificate.holderName}`,
    keywords: [certificate.number, certificate.serialNumber],
    author: issuer.shopName,
    date: certificate.issuedAt,
  });
  return canvas.doc.save();
}
