import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getDocument } from "@/app/api/documents/[id]/route";
import { GET as getArchive } from "@/app/api/documents/archive/route";
import { GET as getExport } from "@/app/api/exports/[id]/route";
import { toGlobalId } from "@/graphql/global-id";
import { SESSION_COOKIE } from "@/server/auth/options";
import type { AgentViewer, CustomerViewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { downloadToken } from "@/server/export";
import { buildExport } from "@/server/export/build";
import { agentViewer, impersonating, viewerWithHistory } from "../factories";
import { standaloneJobContext } from "../support/exports";
import { gql } from "../support/graphql";

// The download routes with support agents as callers (the customers' own cases are in
// documents.test.ts, documents-archive.test.ts and export-download.test.ts): an agent
// acting in the account may download its documents (recorded with the agent as actor);
// exports of the whole account are the customer's own; an agent outside a session, of
// another shop, or whose session ran out gets nothing.

const SECRET = "routes-agents-test-secret-0123456789abcdef";

async function cookieFor(viewer: AgentViewer | CustomerViewer) {
  const kind = viewer.kind === "agent" ? "agent" : "customer";
  return `${SESSION_COOKIE}=${await encode({ token: { sid: viewer.sessionId, kind }, secret: SECRET })}`;
}

async function request(url: string, viewer: AgentViewer | CustomerViewer | null) {
  const headers: Record<string, string> = viewer ? { cookie: await cookieFor(viewer) } : {};
  return new NextRequest(`http://localhost${url}`, { headers });
}

let owner: CustomerViewer;
let invoiceId: string;
let exportId: string;
let exportExpiresAt: Date;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  owner = await viewerWithHistory({ shop: "almaz", orderCount: 2 });
  const invoice = await getPrisma().invoice.findFirstOrThrow({ where: { customerId: owner.customerId } });
  invoiceId = toGlobalId("Invoice", invoice.id);
  const created = await getPrisma().export.create({
    data: { shopId: owner.shop.id, customerId: owner.customerId, format: "JSON", categories: [] },
  });
  await buildExport({ exportId: created.id, context: standaloneJobContext(created.id) });
  const row = await getPrisma().export.findUniqueOrThrow({ where: { id: created.id } });
  exportId = row.id;
  exportExpiresAt = row.expiresAt as Date;
});

const documentOf = (viewer: AgentViewer | CustomerViewer | null) =>
  request(`/api/documents/${invoiceId}`, viewer).then((req) =>
    getDocument(req, { params: Promise.resolve({ id: invoiceId }) }),
  );
const archiveOf = (viewer: AgentViewer | CustomerViewer | null) =>
  request("/api/documents/archive", viewer).then((req) => getArchive(req));
const exportOf = async (viewer: AgentViewer | CustomerViewer | null) => {
  const id = toGlobalId("Export", exportId);
  const token = downloadToken({ exportId, customerId: owner.customerId, expiresAt: exportExpiresAt });
  return getExport(await request(`/api/exports/${id}?token=${token}`, viewer), { params: Promise.resolve({ id }) });
};

describe("download routes for support agents", () => {
  it("lets an agent acting in the account download its documents, recorded with the agent as actor", async () => {
    const agent = await impersonating(await agentViewer({ shop: "almaz" }), owner.customerId);
    const before = new Date();
    const single = await documentOf(agent);
    expect(single.status).toBe(200);
    expect(single.headers.get("content-type")).toBe("application/pdf");
    const archive = await archiveOf(agent);
    expect(archive.status).toBe(200);
    await archive.arrayBuffer();
    const rows = await getPrisma().auditEvent.findMany({
      where: { customerId: owner.customerId, createdAt: { gte: before }, action: { startsWith: "document" } },
      select: { action: true, actorType: true, actorId: true, impersonationId: true },
    });
    expect(rows.map((r) => r.action).sort()).toEqual(["document.download", "documents.archive"]);
    for (const row of rows) {
      expect(row).toMatchObject({
        actorType: "AGENT",
        actorId: agent.agent.id,
        impersonationId: agent.impersonation?.id,
      });
    }
  });

  it("refuses an agent the export of the account (403), and records the refusal", async () => {
    const agent = await impersonating(await agentViewer({ shop: "almaz" }), owner.customerId);
    // The export list offers the agent no link; the owner gets one.
    const LINKS = "{ viewer { customer { exports { edges { node { downloadUrl } } } } } }";
    const linkOf = async (viewer: AgentViewer | CustomerViewer) => {
      const data = (await gql(LINKS, {}, viewer)).data as {
        viewer: { customer: { exports: { edges: { node: { downloadUrl: string | null } }[] } } };
      };
      return data.viewer.customer.exports.edges[0]?.node.downloadUrl;
    };
    expect(await linkOf(agent)).toBeNull();
    expect(await linkOf(owner)).toMatch(/^\/api\/exports\//);
    const response = await exportOf(agent);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/json");
    const refused = await getPrisma().auditEvent.findFirst({
      where: {
        customerId: owner.customerId,
        action: "impersonation.refused",
        impersonationId: agent.impersonation?.id,
      },
      select: { details: true },
    });
    expect(refused?.details).toMatchObject({ attempted: "export.download" });
    // The owner still can (with a fresh password, else the reauthentication redirect).
    expect([200, 303]).toContain((await exportOf(owner)).status);
  });

  it("gives nothing to an agent outside a session, of another shop, or whose session ran out", async () => {
    const console = await agentViewer({ shop: "almaz" });
    for (const response of [await documentOf(console), await archiveOf(console), await exportOf(console)]) {
      expect(response.status).toBe(403);
    }

    const foreignCustomer = await viewerWithHistory({ shop: "allegra", orderCount: 1 });
    const foreign = await impersonating(await agentViewer({ shop: "allegra" }), foreignCustomer.customerId);
    expect((await documentOf(foreign)).status).toBe(404);
    expect((await exportOf(foreign)).status).toBe(403);

    const expiring = await impersonating(await agentViewer({ shop: "almaz" }), owner.customerId);
    await getPrisma().impersonation.update({
      where: { id: expiring.impersonation?.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await documentOf(expiring)).status).toBe(403);
    expect((await archiveOf(expiring)).status).toBe(403);

    // Signed out: 401 as before; a customer's session id presented as an agent's: 401.
    expect((await documentOf(null)).status).toBe(401);
    const forged = await request(`/api/documents/${invoiceId}`, null);
    forged.cookies.set(
      SESSION_COOKIE,
      await encode({ token: { sid: owner.sessionId, kind: "agent" }, secret: SECRET }),
    );
    expect((await getDocument(forged, { params: Promise.resolve({ id: invoiceId }) })).status).toBe(401);
  });
});
