import { createHash } from "node:crypto";
import { existsSync, readFileSync, utimesSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/exports/[id]/route";
import { toGlobalId } from "@/graphql/global-id";
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/client-address";
import { SESSION_COOKIE } from "@/server/auth/options";
import { throttleKeys } from "@/server/auth/throttle";
import { ANONYMOUS, type CustomerViewer, resolveSessionViewer, type Viewer } from "@/server/auth/viewer";
import { getPrisma } from "@/server/db";
import { type AppError, isAppError } from "@/server/errors";
import {
  checkDownloadToken,
  createExport,
  downloadToken,
  EXPORT,
  EXPORT_BUILD_JOB,
  openExportDownload,
  sweepExports,
} from "@/server/export";
import { buildExport } from "@/server/export/build";
import { exportsDirectory, getExportStorage } from "@/server/storage";
import { shop, signedInViewer, TEST_PASSWORD } from "../factories";
import { filesInExportDirectory, standaloneJobContext, storedJson } from "../support/exports";
import { gql } from "../support/graphql";

// Downloading an export: only its owner, only with a signed link that has not expired,
// only after the password was entered in the last 10 minutes; every download recorded.
// Files here are built outside the job queue (buildExport directly), so that on a
// shared PostgreSQL database this file never takes the export tests' jobs.

const SECRET = "export-download-test-secret-0123456789abcdef";
const CLIENT = { ip: "203.0.113.9", userAgent: "vitest-download", source: "web" } as const;

type Ready = { id: string; storageKey: string; sha256: string; expiresAt: Date; byteSize: number; createdAt: Date };

async function readyExport(viewer: CustomerViewer, format: "JSON" | "CSV" = "JSON"): Promise<Ready> {
  const created = await getPrisma().export.create({
    data: { shopId: viewer.shop.id, customerId: viewer.customerId, format, categories: [] },
  });
  await buildExport({ exportId: created.id, context: standaloneJobContext(created.id) });
  const row = await getPrisma().export.findUniqueOrThrow({ where: { id: created.id } });
  if (row.status !== "READY" || !row.storageKey || !row.sha256 || !row.expiresAt || row.byteSize === null) {
    throw new Error(`export not ready: ${row.status}`);
  }
  return {
    id: row.id,
    storageKey: row.storageKey,
    sha256: row.sha256,
    expiresAt: row.expiresAt,
    byteSize: Number(row.byteSize),
    createdAt: row.createdAt,
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const tokenFor = (e: { id: string; expiresAt: Date }, customerId: string, expiresAt = e.expiresAt) =>
  downloadToken({ exportId: e.id, customerId, expiresAt });
// Signed in just now, from CLIENT's browser.
const fresh = (viewer: CustomerViewer): CustomerViewer => ({ ...viewer, authenticatedAt: new Date(), request: CLIENT });

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

// What a download leaves behind: ExportDownload rows and "export.download" events.
async function recorded(customerIds: string[]) {
  const [downloads, events] = await Promise.all([
    getPrisma().exportDownload.count({ where: { customerId: { in: customerIds } } }),
    getPrisma().auditEvent.count({ where: { customerId: { in: customerIds }, action: "export.download" } }),
  ]);
  return { downloads, events };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

let owner: CustomerViewer;
let neighbour: CustomerViewer;
let elsewhere: CustomerViewer;
let file: Ready;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  owner = await signedInViewer({ shop: "almaz" });
  neighbour = await signedInViewer({ shop: "almaz" });
  elsewhere = await signedInViewer({ shop: "allegra" });
  file = await readyExport(owner);
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("openExportDownload", () => {
  it("streams the stored file to its owner after a recent password, and records the download", async () => {
    const before = await recorded([owner.customerId]);
    const outcome = await openExportDownload({
      viewer: fresh(owner),
      id: file.id,
      token: tokenFor(file, owner.customerId),
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    const bytes = await readAll(outcome.stream);
    expect(bytes.equals(readFileSync(path.join(exportsDirectory(), file.storageKey)))).toBe(true);
    expect(sha256(bytes)).toBe(file.sha256);
    expect(outcome).toMatchObject({
      byteSize: bytes.length,
      sha256: file.sha256,
      contentType: "application/json; charset=utf-8",
      filename: `almaz-my-data-${file.createdAt.toISOString().slice(0, 10)}.json`,
    });
    expect(JSON.parse(bytes.toString("utf8")).exportId).toBe(file.id);

    expect(await recorded([owner.customerId])).toEqual({
      downloads: before.downloads + 1,
      events: before.events + 1,
    });
    const download = await getPrisma().exportDownload.findFirstOrThrow({
      where: { exportId: file.id },
      orderBy: { at: "desc" },
    });
    expect(download).toMatchObject({ customerId: owner.customerId, ip: CLIENT.ip, userAgent: CLIENT.userAgent });
    const event = await getPrisma().auditEvent.findFirstOrThrow({
      where: { customerId: owner.customerId, action: "export.download" },
      orderBy: { sequence: "desc" },
    });
    expect(event).toMatchObject({ actorType: "CUSTOMER", actorId: owner.customerId, details: { exportId: file.id } });

    // The export history shows it.
    const { data } = await gql(
      `query($id: ID!) { node(id: $id) { ... on Export { downloads { at userAgent } } } }`,
      { id: toGlobalId("Export", file.id) },
      owner,
    );
    expect((data?.node as { downloads: { userAgent: string }[] } | undefined)?.downloads[0]).toMatchObject({
      userAgent: CLIENT.userAgent,
    });
  });

  it("refuses everyone but the owner, altered or expired links, stale sign-ins and unfinished files, recording nothing", async () => {
    const ids = [owner.customerId, neighbour.customerId, elsewhere.customerId];
    const before = await recorded(ids);
    const valid = tokenFor(file, owner.customerId);
    const [expiry, signature] = valid.split(".");
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    const queued = await getPrisma().export.create({
      data: { shopId: owner.shop.id, customerId: owner.customerId, format: "JSON", categories: [] },
    });
    const failed = await getPrisma().export.create({
      data: { shopId: owner.shop.id, customerId: owner.customerId, format: "JSON", categories: [], status: "FAILED" },
    });
    const expired = await getPrisma().export.create({
      data: {
        shopId: owner.shop.id,
        customerId: owner.customerId,
        format: "JSON",
        categories: [],
        status: "EXPIRED",
        expiresAt: new Date(Date.now() + 3600_000),
        deletedAt: new Date(),
      },
    });
    const lost = await getPrisma().export.create({
      data: {
        shopId: owner.shop.id,
        customerId: owner.customerId,
        format: "JSON",
        categories: [],
        status: "READY",
        storageKey: `${owner.shop.id}/${owner.customerId}.gone.json`,
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const inAnHour = new Date(Date.now() + 3600_000);
    const cases: [string, Viewer, string, string | null, string, Date?][] = [
      ["signed out", ANONYMOUS, file.id, valid, "signed-out"],
      ["another customer, with the owner's link", fresh(neighbour), file.id, valid, "not-found"],
      [
        "another customer, with a link made for them",
        fresh(neighbour),
        file.id,
        tokenFor(file, neighbour.customerId),
        "not-found",
      ],
      ["a customer of another shop", fresh(elsewhere), file.id, tokenFor(file, elsewhere.customerId), "not-found"],
      [
        "the owner's id in another shop's session",
        { ...fresh(owner), shop: elsewhere.shop },
        file.id,
        valid,
        "not-found",
      ],
      ["a changed signature", fresh(owner), file.id, `${expiry}.${flipped}`, "not-found"],
      [
        "a later expiry with the old signature",
        fresh(owner),
        file.id,
        `${(Number.parseInt(expiry, 36) + 86_400_000).toString(36)}.${signature}`,
        "not-found",
      ],
      [
        "the link of another export",
        fresh(owner),
        file.id,
        tokenFor({ ...file, id: queued.id }, owner.customerId),
        "not-found",
      ],
      ["no token", fresh(owner), file.id, null, "not-found"],
      ["a malformed token", fresh(owner), file.id, "not-a-token", "not-found"],
      ["an id that is not a uuid", fresh(owner), "nope", valid, "not-found"],
      [
        "an expired link",
        fresh(owner),
        file.id,
        tokenFor(file, owner.customerId, new Date(Date.now() - 1000)),
        "expired",
      ],
      // A link that would still be valid, for a file past its own expiry.
      [
        "a file past its expiry",
        fresh(owner),
        file.id,
        tokenFor(file, owner.customerId, new Date(file.expiresAt.getTime() + 86_400_000)),
        "expired",
        new Date(file.expiresAt.getTime() + 60_000),
      ],
      [
        "an export already expired",
        fresh(owner),
        expired.id,
        tokenFor({ ...expired, expiresAt: inAnHour }, owner.customerId),
        "expired",
      ],
      [
        "a queued export",
        fresh(owner),
        queued.id,
        tokenFor({ ...queued, expiresAt: inAnHour }, owner.customerId),
        "not-found",
      ],
      [
        "a failed export",
        fresh(owner),
        failed.id,
        tokenFor({ ...failed, expiresAt: inAnHour }, owner.customerId),
        "not-found",
      ],
      [
        "a ready export whose file is gone",
        fresh(owner),
        lost.id,
        tokenFor({ ...lost, expiresAt: inAnHour }, owner.customerId),
        "not-found",
      ],
      [
        "a password entered over 10 minutes ago",
        { ...owner, authenticatedAt: new Date(Date.now() - EXPORT.recentSignInMs - 1000) },
        file.id,
        valid,
        "reauthenticate",
      ],
    ];
    for (const [name, viewer, id, token, reason, now] of cases) {
      const outcome = await openExportDownload({ viewer, id, token, now });
      expect(outcome.ok, name).toBe(false);
      expect(outcome.ok ? null : outcome.reason, name).toBe(reason);
    }
    const stale = await openExportDownload({
      viewer: { ...owner, authenticatedAt: new Date(Date.now() - EXPORT.recentSignInMs - 1000) },
      id: file.id,
      token: valid,
    });
    expect(stale).toEqual({ ok: false, reason: "reauthenticate", shopHandle: "almaz" });
    expect(await recorded(ids)).toEqual(before);

    // Just inside the 10 minutes it works.
    const recent = await openExportDownload({
      viewer: { ...owner, authenticatedAt: new Date(Date.now() - EXPORT.recentSignInMs + 5000) },
      id: file.id,
      token: valid,
    });
    expect(recent.ok).toBe(true);
    if (recent.ok) recent.stream.destroy();
  });
});

describe("GET /api/exports/[id]", () => {
  async function cookieFor(viewer: CustomerViewer) {
    return `${SESSION_COOKIE}=${await encode({ token: { sid: viewer.sessionId }, secret: SECRET })}`;
  }

  async function request(globalId: string, options: { token?: string | null; viewer?: CustomerViewer } = {}) {
    const query = options.token ? `?token=${options.token}` : "";
    const headers: Record<string, string> = {
      "user-agent": CLIENT.userAgent,
      // The address as the server stamps it from the socket (server/auth/client-address.ts);
      // an X-Forwarded-For the client wrote itself counts for nothing.
      [CLIENT_ADDRESS_HEADER]: CLIENT.ip,
      "x-forwarded-for": "198.51.100.99",
    };
    if (options.viewer) headers.cookie = await cookieFor(options.viewer);
    return GET(new NextRequest(`http://localhost/api/exports/${globalId}${query}`, { headers }), {
      params: Promise.resolve({ id: globalId }),
    });
  }

  const gid = (id: string) => toGlobalId("Export", id);

  it("streams the owner's file as a private attachment with its size and digest", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const csv = await readyExport(viewer, "CSV");
    const before = await recorded([viewer.customerId]);
    const response = await request(gid(csv.id), { token: tokenFor(csv, viewer.customerId), viewer });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(sha256(bytes)).toBe(csv.sha256);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="almaz-my-data-${csv.createdAt.toISOString().slice(0, 10)}.zip"`,
      "content-length": String(bytes.length),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "repr-digest": `sha-256=:${Buffer.from(csv.sha256, "hex").toString("base64")}:`,
    });
    expect(await recorded([viewer.customerId])).toEqual({
      downloads: before.downloads + 1,
      events: before.events + 1,
    });
    expect(
      await getPrisma().exportDownload.findFirst({
        where: { exportId: csv.id, ip: CLIENT.ip, userAgent: CLIENT.userAgent },
      }),
    ).not.toBeNull();
  });

  it("answers 401 signed out, 404 for anything not the owner's valid link, 410 for an expired one", async () => {
    const ids = [owner.customerId, neighbour.customerId, elsewhere.customerId];
    const before = await recorded(ids);
    const valid = tokenFor(file, owner.customerId);
    const responses: [string, Response, number][] = [
      ["signed out", await request(gid(file.id), { token: valid }), 401],
      ["signed out, bogus id", await request("bogus", { token: valid }), 401],
      ["another customer", await request(gid(file.id), { token: valid, viewer: neighbour }), 404],
      [
        "another customer, own link",
        await request(gid(file.id), { token: tokenFor(file, neighbour.customerId), viewer: neighbour }),
        404,
      ],
      ["another shop", await request(gid(file.id), { token: valid, viewer: elsewhere }), 404],
      [
        "tampered",
        await request(gid(file.id), {
          token: `${valid.slice(0, -1)}${valid.endsWith("x") ? "y" : "x"}`,
          viewer: owner,
        }),
        404,
      ],
      ["no token", await request(gid(file.id), { viewer: owner }), 404],
      ["not an export id", await request(toGlobalId("Invoice", file.id), { token: valid, viewer: owner }), 404],
      ["bogus id", await request("bogus", { token: valid, viewer: owner }), 404],
      [
        "expired link",
        await request(gid(file.id), {
          token: tokenFor(file, owner.customerId, new Date(Date.now() - 1000)),
          viewer: owner,
        }),
        410,
      ],
    ];
    for (const [name, response, status] of responses) {
      expect(response.status, name).toBe(status);
      expect(response.headers.get("cache-control"), name).toBe("private, no-store");
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code, name).toBe({ 401: "UNAUTHENTICATED", 404: "NOT_FOUND", 410: "EXPIRED" }[status]);
    }
    expect(await recorded(ids)).toEqual(before);
  });

  it("without a recent password sends the browser to enter it and come back; afterwards the download works", async () => {
    const viewer = await signedInViewer({ shop: "almaz" });
    const ready = await readyExport(viewer);
    const token = tokenFor(ready, viewer.customerId);
    await getPrisma().session.update({
      where: { id: viewer.sessionId },
      data: { authenticatedAt: new Date(Date.now() - EXPORT.recentSignInMs - 60_000) },
    });
    const response = await request(gid(ready.id), { token, viewer });
    expect(response.status).toBe(303);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin).toBe("http://localhost");
    expect(location.pathname).toBe("/almaz/account/reauthenticate");
    expect(location.searchParams.get("next")).toBe(`/api/exports/${gid(ready.id)}?token=${token}`);
    expect(await recorded([viewer.customerId])).toEqual({ downloads: 0, events: 0 });

    // The password again, through the API, as the page does it.
    const sessionViewer = await resolveSessionViewer(viewer.sessionId);
    const { data } = await gql(
      `mutation($input: SessionReauthenticateInput!) { sessionReauthenticate(input: $input) { authenticatedAt userErrors { field code } } }`,
      { input: { password: TEST_PASSWORD } },
      sessionViewer,
    );
    expect(data?.sessionReauthenticate).toMatchObject({ userErrors: [] });
    const again = await request(gid(ready.id), { token, viewer });
    expect(again.status).toBe(200);
    expect(sha256(Buffer.from(await again.arrayBuffer()))).toBe(ready.sha256);
  });
});

describe("sessionReauthenticate", () => {
  const REAUTH = `mutation($input: SessionReauthenticateInput!) {
    sessionReauthenticate(input: $input) { authenticatedAt userErrors { field code message } }
  }`;
  type Payload = {
    authenticatedAt: string | null;
    userErrors: { field: string[] | null; code: string; message: string }[];
  };
  async function reauthenticate(viewer: Viewer, password: string): Promise<Payload> {
    const { data, errors } = await gql(REAUTH, { input: { password } }, viewer);
    expect(errors).toBeUndefined();
    return data?.sessionReauthenticate as Payload;
  }
  const sessionOf = (viewer: CustomerViewer) =>
    getPrisma().session.findUniqueOrThrow({ where: { id: viewer.sessionId } });

  it("with the right password, renews the session's authenticatedAt", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const old = new Date(Date.now() - 3600_000);
    await getPrisma().session.update({ where: { id: viewer.sessionId }, data: { authenticatedAt: old } });
    const started = Date.now();
    const payload = await reauthenticate(viewer, TEST_PASSWORD);
    expect(payload.userErrors).toEqual([]);
    const at = (await sessionOf(viewer)).authenticatedAt;
    expect(at.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(payload.authenticatedAt).toBe(at.toISOString());
    expect(
      await getPrisma().signInEvent.count({
        where: { customerId: viewer.customerId, method: "password-again", isSuccessful: true },
      }),
    ).toBe(1);
    const resolved = await resolveSessionViewer(viewer.sessionId);
    expect(resolved.kind === "customer" && resolved.authenticatedAt.getTime()).toBe(at.getTime());
  });

  it("refuses a wrong password on input.password, counts it toward the lock-out, then locks", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const before = (await sessionOf(viewer)).authenticatedAt;
    const wrong = await reauthenticate(viewer, "not-the-password");
    expect(wrong).toEqual({
      authenticatedAt: null,
      userErrors: [{ field: ["input", "password"], code: "INVALID_INPUT", message: "The password is not right." }],
    });
    const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
    const [accountKey] = throttleKeys(viewer.shop.id, customer.email, null);
    expect(await getPrisma().signInThrottle.findUnique({ where: { key: accountKey } })).toMatchObject({
      failures: 1,
      lockedUntil: null,
    });
    expect(
      await getPrisma().signInEvent.count({
        where: { customerId: viewer.customerId, method: "password-again", isSuccessful: false },
      }),
    ).toBe(1);
    for (let i = 0; i < 4; i++) await reauthenticate(viewer, `wrong-${i}`);
    const throttle = await getPrisma().signInThrottle.findUniqueOrThrow({ where: { key: accountKey } });
    expect(throttle.failures).toBe(5);
    expect(throttle.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // Locked: even the right password is refused now, and the session is not renewed.
    const locked = await reauthenticate(viewer, TEST_PASSWORD);
    expect(locked.authenticatedAt).toBeNull();
    expect(locked.userErrors.map((e) => e.code)).toEqual(["RATE_LIMITED"]);
    expect((await sessionOf(viewer)).authenticatedAt).toEqual(before);
  });

  it("asks for a password when none is given", async () => {
    const viewer = await signedInViewer();
    expect((await reauthenticate(viewer, "")).userErrors).toEqual([
      { field: ["input", "password"], code: "INVALID_INPUT", message: "Enter your password." },
    ]);
  });

  it("refuses a signed-out caller and a revoked session with UNAUTHENTICATED", async () => {
    expect(await reauthenticate(ANONYMOUS, TEST_PASSWORD)).toEqual({
      authenticatedAt: null,
      userErrors: [{ field: null, code: "UNAUTHENTICATED", message: "Sign in to continue." }],
    });
    const viewer = await signedInViewer();
    await getPrisma().session.update({ where: { id: viewer.sessionId }, data: { revokedAt: new Date() } });
    expect((await reauthenticate(viewer, TEST_PASSWORD)).userErrors.map((e) => e.code)).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("exports through GraphQL: denied access and bad input", () => {
  const EXPORTS = `{ viewer { customer { exports(first: 10) { totalCount edges { node { id status downloadUrl } } } } } }`;
  const NODE = `query($id: ID!) { node(id: $id) { __typename ... on Export { id status } } }`;
  const CREATE = `mutation($input: ExportCreateInput!) {
    exportCreate(input: $input) { export { id } isExisting userErrors { field code message } }
  }`;
  type ExportsResult = {
    viewer: {
      customer: {
        exports: { totalCount: number; edges: { node: { id: string; downloadUrl: string | null } }[] };
      } | null;
    };
  };

  it("lists an export only to its owner, with a working signed link", async () => {
    const mine = await gql(EXPORTS, {}, owner);
    const exports = (mine.data as ExportsResult).viewer.customer?.exports;
    const node = exports?.edges.find((e) => e.node.id === toGlobalId("Export", file.id))?.node;
    expect(node?.downloadUrl).toMatch(/^\/api\/exports\/[A-Za-z0-9_-]+\?token=[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    const token = new URL(node?.downloadUrl ?? "", "http://localhost").searchParams.get("token");
    expect(checkDownloadToken(token, { exportId: file.id, customerId: owner.customerId })).toBe("valid");
    expect(checkDownloadToken(token, { exportId: file.id, customerId: neighbour.customerId })).toBe("invalid");

    for (const other of [neighbour, elsewhere]) {
      const theirs = (await gql(EXPORTS, {}, other)).data as ExportsResult;
      expect(theirs.viewer.customer?.exports).toEqual({ totalCount: 0, edges: [] });
    }
    expect((await gql(EXPORTS)).data).toEqual({ viewer: { customer: null } });
  });

  it("node(id:) resolves an export for its owner only", async () => {
    const id = toGlobalId("Export", file.id);
    expect((await gql(NODE, { id }, owner)).data?.node).toEqual({ __typename: "Export", id, status: "READY" });
    expect((await gql(NODE, { id }, neighbour)).data?.node).toBeNull();
    expect((await gql(NODE, { id }, elsewhere)).data?.node).toBeNull();
    expect((await gql(NODE, { id }, { ...owner, shop: elsewhere.shop })).data?.node).toBeNull();
    expect((await gql(NODE, { id })).data?.node).toBeNull();
    expect((await gql(NODE, { id: toGlobalId("Export", "not-a-uuid") }, owner)).data?.node).toBeNull();
  });

  // Nothing was asked for: no export, no job, no "export.request" event.
  async function expectNothingCreated(viewer: CustomerViewer) {
    const exports = await getPrisma().export.findMany({
      where: { customerId: viewer.customerId },
      select: { id: true },
    });
    expect(exports).toEqual([]);
    expect(
      await getPrisma().auditEvent.count({ where: { customerId: viewer.customerId, action: "export.request" } }),
    ).toBe(0);
  }

  it("exportCreate: signed out is UNAUTHENTICATED and creates nothing", async () => {
    const jobsBefore = await getPrisma().job.findMany({ where: { kind: EXPORT_BUILD_JOB }, select: { key: true } });
    const { data, errors } = await gql(CREATE, { input: { format: "JSON" } });
    expect(errors).toBeUndefined();
    expect(data?.exportCreate).toEqual({
      export: null,
      isExisting: null,
      userErrors: [{ field: null, code: "UNAUTHENTICATED", message: "Sign in to continue." }],
    });
    // Any job queued meanwhile belongs to an export of someone signed in.
    const before = new Set(jobsBefore.map((j) => j.key));
    const newJobs = (await getPrisma().job.findMany({ where: { kind: EXPORT_BUILD_JOB } })).filter(
      (j) => !before.has(j.key),
    );
    for (const job of newJobs) expect(await getPrisma().export.count({ where: { id: job.key } })).toBe(1);
  });

  it("exportCreate: each kind of bad input gets its own field error and creates nothing", async () => {
    const viewer = await signedInViewer({ shop: "allegra" });
    const allegra = await shop("allegra");
    // A category that exists but that this shop holds nothing of for this customer.
    const notHeld = "polls";
    expect(allegra.profile.dataCategories.some((c) => c.key === notHeld)).toBe(false);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, { field: string[]; message: string }][] = [
      [
        { format: "JSON", categories: ["orders", "horoscope"] },
        { field: ["input", "categories", "1"], message: "Unknown category." },
      ],
      [
        { format: "JSON", categories: [notHeld] },
        { field: ["input", "categories"], message: `This shop holds no "${notHeld}" data about you.` },
      ],
      [
        { format: "CSV", from: "2024-05-02", to: "2024-05-01" },
        { field: ["input", "to"], message: "The end date is before the start date." },
      ],
      [
        { format: "CSV", from: tomorrow },
        { field: ["input", "from"], message: "The start date is in the future." },
      ],
    ];
    for (const [input, expected] of cases) {
      const { data, errors } = await gql(CREATE, { input }, viewer);
      expect(errors, JSON.stringify(input)).toBeUndefined();
      expect(data?.exportCreate, JSON.stringify(input)).toEqual({
        export: null,
        isExisting: null,
        userErrors: [{ ...expected, code: "INVALID_INPUT" }],
      });
    }
    // Malformed values stop at the schema: a date that is not a day, a format that is not one.
    for (const input of [
      { format: "JSON", from: "2024-02-30" },
      { format: "JSON", to: "01/05/2024" },
      { format: "XML" },
    ]) {
      const { data, errors } = await gql(CREATE, { input }, viewer);
      expect(data?.exportCreate ?? null, JSON.stringify(input)).toBeNull();
      expect(errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe("BAD_USER_INPUT");
    }
    // The service checks them too, for callers other than GraphQL.
    const service: [Record<string, unknown>, string[], string][] = [
      [{ format: "XML" }, ["input", "format"], "Choose JSON or CSV."],
      [{ format: "JSON", from: "01/05/2024" }, ["input", "from"], "Use the format YYYY-MM-DD."],
      [{ format: "JSON", to: "2023-02-29" }, ["input", "to"], "This is not a real date."],
      [{ format: "JSON", from: "2024-13-01" }, ["input", "from"], "This is not a real date."],
    ];
    for (const [input, field, message] of service) {
      const error = await rejection(createExport({ viewer, input }));
      expect(error.fieldErrors, JSON.stringify(input)).toEqual([{ field, code: "INVALID_INPUT", message }]);
    }
    await expectNothingCreated(viewer);
  });
});

describe("retention sweep", () => {
  it("deletes expired files and marks their exports EXPIRED, removes abandoned and orphaned files, keeps the rest", async () => {
    const viewer = await signedInViewer({ shop: "crystalline" });
    const old = await readyExport(viewer);
    const current = await readyExport(viewer);
    const storage = getExportStorage();
    const dir = exportsDirectory();
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await getPrisma().export.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // An hour-old committed file still pointed to by a ready export stays.
    utimesSync(path.join(dir, current.storageKey), twoHoursAgo, twoHoursAgo);

    // A writer that crashed two hours ago, one still writing now, and a finished file
    // that no export points to (a run that lost its job to another worker).
    const crashed = await storage.create(`${viewer.shop.id}/crashed.json`);
    const writing = await storage.create(`${viewer.shop.id}/writing.json`);
    for (const w of [crashed, writing]) {
      await new Promise<void>((resolve, reject) => w.stream.write("{", (e) => (e ? reject(e) : resolve())));
    }
    const partial = (name: string) => {
      const found = filesInExportDirectory().find((f) => f.includes(`${name}.json.partial-`));
      if (!found) throw new Error(`no unfinished file ${name}`);
      return found;
    };
    utimesSync(path.join(dir, partial("crashed")), twoHoursAgo, twoHoursAgo);
    const orphan = await storage.create(`${viewer.shop.id}/orphan.json`);
    orphan.stream.write("{}");
    await orphan.commit();
    utimesSync(path.join(dir, viewer.shop.id, "orphan.json"), twoHoursAgo, twoHoursAgo);
    const writingPartial = partial("writing");

    const result = await sweepExports();
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(result.removed).toBe(2);

    const swept = await getPrisma().export.findUniqueOrThrow({ where: { id: old.id } });
    expect(swept).toMatchObject({ status: "EXPIRED", storageKey: null });
    expect(swept.deletedAt).toBeInstanceOf(Date);
    expect(existsSync(path.join(dir, old.storageKey))).toBe(false);
    const outcome = await openExportDownload({
      viewer: fresh(viewer),
      id: old.id,
      token: tokenFor({ ...old, expiresAt: new Date(Date.now() + 3600_000) }, viewer.customerId),
    });
    expect(outcome).toEqual({ ok: false, reason: "expired" });

    expect(await getPrisma().export.findUniqueOrThrow({ where: { id: current.id } })).toMatchObject({
      status: "READY",
      storageKey: current.storageKey,
      deletedAt: null,
    });
    expect((await storedJson(current.id)).document.exportId).toBe(current.id);
    expect(existsSync(path.join(dir, partial("writing")))).toBe(true);
    expect(filesInExportDirectory().some((f) => f.includes("crashed.json"))).toBe(false);
    expect(existsSync(path.join(dir, viewer.shop.id, "orphan.json"))).toBe(false);
    expect(writingPartial).toBe(partial("writing"));
    await writing.abort();
    await crashed.abort();

    // Sweeping again finds nothing more.
    const again = await sweepExports();
    expect(again.removed).toBe(0);
  });
});
