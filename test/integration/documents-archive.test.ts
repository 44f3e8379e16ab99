import { unzipSync } from "fflate";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { PDFDocument } from "pdf-lib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/documents/archive/route";
import { SESSION_COOKIE } from "@/server/auth/options";
import { ANONYMOUS, type CustomerViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { DOCUMENTS_ARCHIVE, getDocumentsArchive } from "@/server/documents";
import type { AppError } from "@/server/errors";
import { signedInViewer, viewerWithHistory } from "../factories";

// GET /api/documents/archive: the signed-in customer's invoices and warranty
// certificates in one ZIP, offered on the "before deleting" page.
const SECRET = "documents-archive-test-secret-0123456789";
const HISTORY_NOW = new Date("2025-01-15T00:00:00Z");

let owner: CustomerViewer;
// Same shop, and another shop: their documents must never appear in the owner's ZIP.
let neighbour: CustomerViewer;
let elsewhere: CustomerViewer;

const safe = (number: string) => number.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+|[.-]+$/g, "");

// The file names the owner's ZIP must hold: one per document, as the single downloads.
async function expectedNames(viewer: CustomerViewer): Promise<Map<string, string>> {
  const where = { customerId: viewer.customerId, shopId: viewer.shop.id };
  const prisma = getPrisma();
  const invoices = await prisma.invoice.findMany({ where, select: { number: true } });
  const certificates = await prisma.warrantyCertificate.findMany({ where, select: { number: true } });
  return new Map([
    ...invoices.map((i) => [`invoice-${safe(i.number)}.pdf`, `Invoice ${i.number}`] as const),
    ...certificates.map((c) => [`warranty-${safe(c.number)}.pdf`, `Warranty certificate ${c.number}`] as const),
  ]);
}

// Warranties depend on which products the seed picked; make sure there are some.
async function addCertificates(viewer: CustomerViewer, prefix: string, count: number) {
  await getPrisma().warrantyCertificate.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      shopId: viewer.shop.id,
      customerId: viewer.customerId,
      number: `${prefix}-${String(i + 1).padStart(4, "0")}`,
      productName: "Brass arc floor lamp",
      serialNumber: `SN-${prefix}-${i}`,
      holderName: "Ștefan Țăranu",
      issuedAt: new Date(Date.UTC(2024, 2, 1 + i, 10)),
      validUntil: new Date(Date.UTC(2026, 2, 1 + i, 10)),
    })),
  });
}

async function request(viewer?: CustomerViewer, cookie?: string) {
  const token = viewer ? await encode({ token: { sid: viewer.sessionId }, secret: SECRET }) : cookie;
  const headers: Record<string, string> = token ? { cookie: `${SESSION_COOKIE}=${token}` } : {};
  return GET(new NextRequest("http://localhost/api/documents/archive", { headers }));
}

async function unzip(response: Response) {
  return unzipSync(new Uint8Array(await response.arrayBuffer()));
}

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  owner = await viewerWithHistory({ shop: "almaz", orderCount: 8, seed: "archive-owner", now: HISTORY_NOW });
  neighbour = await viewerWithHistory({ shop: "almaz", orderCount: 5, seed: "archive-neighbour", now: HISTORY_NOW });
  elsewhere = await viewerWithHistory({ shop: "crystalline", orderCount: 5, seed: "archive-other", now: HISTORY_NOW });
  await addCertificates(owner, "ALM-W-OWNER", 3);
  await addCertificates(neighbour, "ALM-W-NEIGHBOUR", 2);
  await addCertificates(elsewhere, "CRY-W-OTHER", 2);
});

afterEach(() => {
  DOCUMENTS_ARCHIVE.batch = 25;
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("GET /api/documents/archive", () => {
  it("answers 401 in JSON, never cached, without a session", async () => {
    const response = await request();
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("answers 401 to a cookie that does not verify, and to a revoked session", async () => {
    expect((await request(undefined, "not-a-jwt")).status).toBe(401);
    const revoked = await signedInViewer({ shop: "almaz" });
    await getPrisma().session.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
    expect((await request(revoked)).status).toBe(401);
  });

  it("sends exactly the customer's documents, as valid PDFs named like the single downloads", async () => {
    const response = await request(owner);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="almaz-documents-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = await unzip(response);
    const expected = await expectedNames(owner);
    expect(expected.size).toBeGreaterThan(3);
    expect(Object.keys(files).sort()).toEqual([...expected.keys()].sort());
    for (const [name, bytes] of Object.entries(files)) {
      expect(name).toMatch(/^(invoice|warranty)-[A-Za-z0-9._-]+\.pdf$/);
      const pdf = await PDFDocument.load(bytes);
      expect(pdf.getPageCount(), name).toBeGreaterThanOrEqual(1);
      expect(pdf.getTitle(), name).toBe(expected.get(name));
      expect(pdf.getAuthor(), name).toBe(owner.shop.name);
    }
  });

  it("never includes another customer's documents, of the same shop or another", async () => {
    const files = await unzip(await request(owner));
    const others = new Set([...(await expectedNames(neighbour)).keys(), ...(await expectedNames(elsewhere)).keys()]);
    expect(others.size).toBeGreaterThan(0);
    for (const name of Object.keys(files)) expect(others.has(name), name).toBe(false);
    // And each of them gets their own.
    const theirs = await unzip(await request(neighbour));
    expect(Object.keys(theirs).sort()).toEqual([...(await expectedNames(neighbour)).keys()].sort());
  });

  it("pages through documents without losing or repeating one", async () => {
    DOCUMENTS_ARCHIVE.batch = 2;
    const files = await unzip(await request(owner));
    expect(Object.keys(files).sort()).toEqual([...(await expectedNames(owner)).keys()].sort());
  });

  it("sends a valid, empty ZIP to a customer without documents", async () => {
    const response = await request(await signedInViewer({ shop: "almaz" }));
    expect(response.status).toBe(200);
    expect(Object.keys(await unzip(response))).toEqual([]);
  });
});

describe("getDocumentsArchive", () => {
  it("refuses a signed-out viewer before streaming anything", async () => {
    const error = await getDocumentsArchive({ viewer: ANONYMOUS }).then(
      () => null,
      (e: AppError) => e,
    );
    expect(error?.code).toBe("UNAUTHENTICATED");
  });

  it("scopes by shop even when the customer id matches", async () => {
    const crossed: CustomerViewer = { ...owner, shop: elsewhere.shop };
    const { stream } = await getDocumentsArchive({ viewer: crossed });
    const files = unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
    expect(Object.keys(files)).toEqual([]);
  });
});
