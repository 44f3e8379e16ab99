import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/documents/[id]/route";
import { toGlobalId } from "@/graphql/global-id";
import { createCustomerWithHistory } from "@/prisma/seed/index";
import { SESSION_COOKIE } from "@/server/auth/options";
import { ANONYMOUS, type CustomerViewer, customerViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { getDocumentPdf } from "@/server/documents";
import type { AppError } from "@/server/errors";
import { shop, signedInViewer, uniqueEmail } from "../factories";

// A fixed secret so that the route test can mint a session cookie without writing
// .data/auth-secret.
const SECRET = "documents-test-secret-0123456789abcdef";

let owner: CustomerViewer;
let invoice: { id: string; number: string };
let warranty: { id: string; number: string };

// A customer with the seed's realistic history, signed in with a real Session row.
async function customerWithHistory(handle: string): Promise<CustomerViewer> {
  const s = await shop(handle);
  const customerId = await createCustomerWithHistory(getPrisma(), {
    shopId: s.id,
    profile: s.profile,
    email: uniqueEmail(handle),
    orderCount: 8,
    seed: "documents-test",
    passwordHash: null,
    now: new Date("2025-01-15T00:00:00Z"),
  });
  const session = await getPrisma().session.create({
    data: { customerId, expiresAt: new Date(Date.now() + 3600_000) },
  });
  return customerViewer({ shop: s, customerId, sessionId: session.id, authenticatedAt: session.authenticatedAt });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected the call to fail");
}

function request(id: string, sessionToken?: string) {
  const headers: Record<string, string> = sessionToken ? { cookie: `${SESSION_COOKIE}=${sessionToken}` } : {};
  return GET(new NextRequest(`http://localhost/api/documents/${id}`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  owner = await customerWithHistory("almaz");
  const prisma = getPrisma();
  const foundInvoice = await prisma.invoice.findFirst({
    where: { customerId: owner.customerId },
    select: { id: true, number: true },
    orderBy: { issuedAt: "desc" },
  });
  if (!foundInvoice) throw new Error("the seeded customer has no invoice");
  invoice = foundInvoice;
  // Warranties depend on which products the seed picked; make sure there is one.
  warranty =
    (await prisma.warrantyCertificate.findFirst({
      where: { customerId: owner.customerId },
      select: { id: true, number: true },
    })) ??
    (await prisma.warrantyCertificate.create({
      data: {
        shopId: owner.shop.id,
        customerId: owner.customerId,
        number: "ALM-W-TEST-000001",
        productName: "Brass arc floor lamp",
        serialNumber: "SN-TEST-0001",
        holderName: "Ștefan Țăranu",
        issuedAt: new Date("2024-03-01T10:00:00Z"),
        validUntil: new Date("2026-03-01T10:00:00Z"),
      },
      select: { id: true, number: true },
    }));
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("getDocumentPdf", () => {
  it("returns the owner's invoice as a PDF named after its number", async () => {
    const result = await getDocumentPdf({ viewer: owner, id: toGlobalId("Invoice", invoice.id) });
    expect(result.filename).toBe(`invoice-${invoice.number.replace(/[^A-Za-z0-9._-]+/g, "-")}.pdf`);
    expect(result.filename).toMatch(/^[A-Za-z0-9._-]+$/);
    const doc = await PDFDocument.load(result.bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getTitle()).toBe(`Invoice ${invoice.number}`);
    expect(doc.getAuthor()).toBe(owner.shop.name);
  });

  it("gives the same bytes on a second download", async () => {
    const id = toGlobalId("Invoice", invoice.id);
    const first = await getDocumentPdf({ viewer: owner, id });
    const second = await getDocumentPdf({ viewer: owner, id });
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });

  it("returns the owner's warranty certificate", async () => {
    const result = await getDocumentPdf({ viewer: owner, id: toGlobalId("WarrantyCertificate", warranty.id) });
    expect(result.filename).toMatch(/^warranty-[A-Za-z0-9._-]+\.pdf$/);
    const doc = await PDFDocument.load(result.bytes);
    expect(doc.getTitle()).toBe(`Warranty certificate ${warranty.number}`);
  });

  describe("denied access", () => {
    it("refuses a signed-out viewer with UNAUTHENTICATED", async () => {
      const error = await rejection(getDocumentPdf({ viewer: ANONYMOUS, id: toGlobalId("Invoice", invoice.id) }));
      expect(error.code).toBe("UNAUTHENTICATED");
    });

    it("answers NOT_FOUND to another customer of the same shop", async () => {
      const other = await signedInViewer({ shop: "almaz" });
      for (const id of [toGlobalId("Invoice", invoice.id), toGlobalId("WarrantyCertificate", warranty.id)]) {
        const error = await rejection(getDocumentPdf({ viewer: other, id }));
        expect(error.code).toBe("NOT_FOUND");
      }
    });

    it("answers NOT_FOUND to a customer of another shop", async () => {
      const other = await customerWithHistory("crystalline");
      const error = await rejection(getDocumentPdf({ viewer: other, id: toGlobalId("Invoice", invoice.id) }));
      expect(error.code).toBe("NOT_FOUND");
    });

    it("scopes by shop even when the customer id matches", async () => {
      const elsewhere: CustomerViewer = { ...owner, shop: await shop("crystalline") };
      const error = await rejection(getDocumentPdf({ viewer: elsewhere, id: toGlobalId("Invoice", invoice.id) }));
      expect(error.code).toBe("NOT_FOUND");
    });

    it("answers NOT_FOUND to malformed ids, other types and unknown ids", async () => {
      const ids = [
        "not a global id!",
        "",
        toGlobalId("Invoice", "not-a-uuid"),
        toGlobalId("Order", invoice.id),
        toGlobalId("Customer", owner.customerId),
        toGlobalId("Invoice", "01900000-0000-7000-8000-000000000000"),
        toGlobalId("WarrantyCertificate", invoice.id),
      ];
      for (const id of ids) {
        const error = await rejection(getDocumentPdf({ viewer: owner, id }));
        expect(error.code, id).toBe("NOT_FOUND");
      }
    });
  });
});

describe("GET /api/documents/[id]", () => {
  async function sessionToken(viewer: CustomerViewer) {
    return encode({ token: { sid: viewer.sessionId }, secret: SECRET });
  }

  it("answers 401 without a session cookie", async () => {
    const response = await request(toGlobalId("Invoice", invoice.id));
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("checks authentication before the id: a bogus id signed out is 401 too", async () => {
    const response = await request("bogus");
    expect(response.status).toBe(401);
  });

  it("answers 401 for a cookie that does not verify", async () => {
    const response = await request(toGlobalId("Invoice", invoice.id), "not-a-jwt");
    expect(response.status).toBe(401);
  });

  it("sends the owner's PDF as a private attachment", async () => {
    const response = await request(toGlobalId("Invoice", invoice.id), await sessionToken(owner));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="invoice-[A-Za-z0-9._-]+\.pdf"$/,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const doc = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()));
    expect(doc.getTitle()).toBe(`Invoice ${invoice.number}`);
  });

  it("answers 404 with the same body for someone else's document and a bogus id", async () => {
    const other = await signedInViewer({ shop: "almaz" });
    const token = await sessionToken(other);
    const notYours = await request(toGlobalId("Invoice", invoice.id), token);
    const bogus = await request("bogus", token);
    expect(notYours.status).toBe(404);
    expect(bogus.status).toBe(404);
    const body = await notYours.json();
    expect(body).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    expect(await bogus.json()).toEqual(body);
  });
});
