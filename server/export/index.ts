import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Readable } from "node:stream";
import { z } from "zod";
import { recordAuditEvent } from "../audit";
import { authorize, requireSelf, type Scope, tryAuthorize } from "../auth/authorize";
import { getAuthSecret } from "../auth/secret";
import type { Viewer } from "../auth/viewer";
import { DATA_CATEGORY_KEYS } from "../data-map/categories";
import { decodeCursor, getDataCategories, type Page, pageSize } from "../data-map/view";
import { getPrisma, type Prisma } from "../db";
import { AppError } from "../errors";
import { enqueueJob, registerJobHandler } from "../jobs";
import { logEvent } from "../log";
import { tryDeliverPendingEmails } from "../mail";
import { recordSelfServiceRequest } from "../requests/self-service";
import { getExportStorage } from "../storage";
import { invalidInput } from "../validation";
import { queueWebhookEvent } from "../webhooks/events";
import { buildExport, markExportFailed } from "./build";
import { EXPORT, exportFilename } from "./config";

// "Download my data" (GDPR Art. 20): a customer asks for an export, a durable job
// writes the file (server/export/build.ts), a link lets them download it for 7 days
// after entering their password recently, and a retention job deletes it afterwards.

export { EXPORT } from "./config";

export const EXPORT_BUILD_JOB = "export.build";
export const EXPORT_SWEEP_JOB = "export.sweep";

const exportSelect = {
  id: true,
  shopId: true,
  customerId: true,
  format: true,
  categories: true,
  from: true,
  to: true,
  status: true,
  progress: true,
  rowsTotal: true,
  rowsDone: true,
  byteSize: true,
  sha256: true,
  errorCode: true,
  createdAt: true,
  startedAt: true,
  readyAt: true,
  expiresAt: true,
  deletedAt: true,
} as const satisfies Prisma.ExportSelect;

export type ExportView = Prisma.ExportGetPayload<{ select: typeof exportSelect }>;
export type ExportDownloadView = { id: string; at: Date; userAgent: string | null };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const calendarDate = z
  .string()
  // Aborts: zod would otherwise run the refinement on a value of the wrong format too.
  .regex(DATE, { error: "Use the format YYYY-MM-DD.", abort: true })
  // A value like 2024-13-01 has the format but is no date (new Date gives NaN).
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
  }, "This is not a real date.");

const createSchema = z
  .object({
    format: z.enum(["JSON", "CSV"], { error: "Choose JSON or CSV." }),
    categories: z
      .array(z.enum(DATA_CATEGORY_KEYS, { error: "Unknown category." }))
      .max(DATA_CATEGORY_KEYS.length)
      .nullish(),
    from: calendarDate.nullish(),
    to: calendarDate.nullish(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  });

const today = () => new Date().toISOString().slice(0, 10);

export type CreateExportResult = { export: ExportView; isExisting: boolean };

// One export runs at a time per customer: asking again while one is queued or running
// returns that one. At most EXPORT.dailyLimit new exports in any 24 hours.
export async function createExport(options: {
  viewer: Viewer;
  customerId?: string;
  input: unknown;
}): Promise<CreateExportResult> {
  const scope = await authorize(options.viewer, "export.create", options.customerId);
  const parsed = createSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const input = parsed.data;
  if (input.from && input.from > today()) {
    throw new AppError("INVALID_INPUT", "The start date is in the future.", [
      { field: ["input", "from"], code: "INVALID_INPUT", message: "The start date is in the future." },
    ]);
  }
  const categories = [...new Set(input.categories ?? [])];
  if (categories.length) {
    const visible = new Set((await getDataCategories({ viewer: options.viewer })).map((c) => c.key));
    const unknown = categories.filter((c) => !visible.has(c));
    if (unknown.length) {
      const message = `This shop holds no "${unknown[0]}" data about you.`;
      throw new AppError("INVALID_INPUT", message, [
        { field: ["input", "categories"], code: "INVALID_INPUT", message },
      ]);
    }
  }
  const prisma = getPrisma();
  return prisma.$transaction(async (tx) => {
    // Serialise one customer's requests, so two clicks cannot start two exports.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`export:${scope.customerId}`}, 0))`;
    const running = await tx.export.findFirst({
      where: { customerId: scope.customerId, shopId: scope.shop.id, status: { in: ["QUEUED", "RUNNING"] } },
      select: exportSelect,
      orderBy: { createdAt: "desc" },
    });
    if (running) return { export: running, isExisting: true };
    const since = new Date(Date.now() - 24 * 60 * 60_000);
    const recent = await tx.export.count({
      where: { customerId: scope.customerId, shopId: scope.shop.id, createdAt: { gte: since } },
    });
    if (recent >= EXPORT.dailyLimit) {
      throw new AppError(
        "RATE_LIMITED",
        `You can ask for ${EXPORT.dailyLimit} exports in 24 hours. Download one of your recent exports, or try again tomorrow.`,
      );
    }
    const created = await tx.export.create({
      data: {
        shopId: scope.shop.id,
        customerId: scope.customerId,
        format: input.format,
        categories,
        from: input.from ? new Date(`${input.from}T00:00:00Z`) : null,
        to: input.to ? new Date(`${input.to}T00:00:00Z`) : null,
      },
      select: exportSelect,
    });
    await enqueueJob(tx, { kind: EXPORT_BUILD_JOB, key: created.id, payload: { exportId: created.id } });
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "export.request",
      details: {
        exportId: created.id,
        format: input.format,
        categories,
        from: input.from ?? null,
        to: input.to ?? null,
      },
    });
    // A copy of the data (GDPR Art. 15, 20), in the request history and metrics.
    await recordSelfServiceRequest(tx, {
      shop: scope.shop,
      customerId: scope.customerId,
      type: "ACCESS",
      actor: scope.actor,
    });
    await queueWebhookEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      type: "customer.data_requested",
      data: { exportId: created.id, format: input.format, categories },
    });
    return { export: created, isExisting: false };
  });
}

export async function getExports(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  first?: number | null;
  after?: string | null;
}): Promise<Page<ExportView>> {
  const scope = await authorize(options.viewer, "exports.read", options.customerId);
  const take = pageSize(options.first);
  const cursor = decodeCursor(options.after);
  const where = { customerId: scope.customerId, shopId: scope.shop.id };
  const [rows, totalCount] = await Promise.all([
    getPrisma().export.findMany({
      where: cursor ? { ...where, id: { lt: cursor } } : where,
      // uuid v7 ids follow creation time.
      orderBy: { id: "desc" },
      take: take + 1,
      select: exportSelect,
    }),
    getPrisma().export.count({ where }),
  ]);
  return { nodes: rows.slice(0, take), hasNextPage: rows.length > take, totalCount };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findExport(options: {
  viewer: Viewer;
  customerId?: string;
  id: string;
}): Promise<ExportView | null> {
  const scope = await tryAuthorize(options.viewer, "exports.read");
  if (!scope || !UUID.test(options.id)) return null;
  return getPrisma().export.findFirst({
    where: { id: options.id, customerId: scope.customerId, shopId: scope.shop.id },
    select: exportSelect,
  });
}

// The downloads of several exports in one statement (newest first, at most 20 each).
export async function getExportDownloads(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  exportIds: string[];
}): Promise<Map<string, ExportDownloadView[]>> {
  const scope = await authorize(options.viewer, "exports.read", options.customerId);
  const rows = await getPrisma().exportDownload.findMany({
    where: { exportId: { in: options.exportIds }, customerId: scope.customerId, export: { shopId: scope.shop.id } },
    orderBy: { at: "desc" },
    select: { id: true, exportId: true, at: true, userAgent: true },
  });
  const byExport = new Map<string, ExportDownloadView[]>(options.exportIds.map((id) => [id, []]));
  for (const row of rows) {
    const list = byExport.get(row.exportId);
    if (list && list.length < 20) list.push({ id: row.id, at: row.at, userAgent: row.userAgent });
  }
  return byExport;
}

// The download link: the export's id and the link's expiry, signed with a key derived
// from the app's secret. It works only for the signed-in owner in any case; the
// signature makes a link unusable once it expires and impossible to make up.
function tokenKey(): Buffer {
  return createHmac("sha256", getAuthSecret()).update("export-download-link").digest();
}

function sign(exportId: string, customerId: string, expiresMs: number): string {
  return createHmac("sha256", tokenKey()).update(`${exportId}.${customerId}.${expiresMs}`).digest("base64url");
}

export function downloadToken(options: { exportId: string; customerId: string; expiresAt: Date }): string {
  const expiresMs = options.expiresAt.getTime();
  return `${expiresMs.toString(36)}.${sign(options.exportId, options.customerId, expiresMs)}`;
}

export function downloadPath(options: { globalId: string; exportId: string; customerId: string; expiresAt: Date }) {
  return `/api/exports/${options.globalId}?token=${downloadToken(options)}`;
}

type TokenCheck = "valid" | "invalid" | "expired";

export function checkDownloadToken(
  token: string | null,
  options: { exportId: string; customerId: string; now?: Date },
): TokenCheck {
  const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match) return "invalid";
  const expiresMs = Number.parseInt(match[1], 36);
  const expected = Buffer.from(sign(options.exportId, options.customerId, expiresMs));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  return expiresMs <= (options.now ?? new Date()).getTime() ? "expired" : "valid";
}

export type DownloadOutcome =
  | { ok: true; stream: Readable; byteSize: number; filename: string; contentType: string; sha256: string | null }
  | { ok: false; reason: "signed-out" | "forbidden" | "not-found" | "expired" | "reauthenticate"; shopHandle?: string };

// Everything the download route decides. Another customer's export, a made-up or
// altered link and an unknown id all look the same: not found.
export async function openExportDownload(options: {
  viewer: Viewer;
  // The customer the call is about (a Customer field passes its parent): must be the subject.
  customerId?: string;
  id: string;
  token: string | null;
  now?: Date;
}): Promise<DownloadOutcome> {
  let scope: Scope;
  try {
    scope = await authorize(options.viewer, "export.download", options.customerId);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, reason: error.code === "UNAUTHENTICATED" ? "signed-out" : "forbidden" };
  }
  // Only the account's owner downloads the whole account (authorize refuses agents).
  const viewer = requireSelf(options.viewer);
  const now = options.now ?? new Date();
  const found = await findExport({ viewer, id: options.id });
  if (!found) return { ok: false, reason: "not-found" };
  const check = checkDownloadToken(options.token, { exportId: found.id, customerId: scope.customerId, now });
  if (check === "invalid") return { ok: false, reason: "not-found" };
  if (check === "expired" || found.status === "EXPIRED" || (found.expiresAt && found.expiresAt <= now)) {
    return { ok: false, reason: "expired" };
  }
  if (found.status !== "READY") return { ok: false, reason: "not-found" };
  if (now.getTime() - viewer.authenticatedAt.getTime() > EXPORT.recentSignInMs) {
    return { ok: false, reason: "reauthenticate", shopHandle: scope.shop.handle };
  }
  const storageKey = (await getPrisma().export.findUnique({ where: { id: found.id }, select: { storageKey: true } }))
    ?.storageKey;
  const file = storageKey ? await getExportStorage().open(storageKey) : null;
  if (!file) {
    logEvent("error", { event: "export.file-missing", code: found.id });
    return { ok: false, reason: "not-found" };
  }
  await getPrisma().$transaction(async (tx) => {
    await tx.exportDownload.create({
      data: {
        exportId: found.id,
        customerId: scope.customerId,
        at: now,
        ip: viewer.request.ip,
        userAgent: viewer.request.userAgent?.slice(0, 500) ?? null,
      },
    });
    await recordAuditEvent(tx, {
      shopId: scope.shop.id,
      customerId: scope.customerId,
      ...scope.actor,
      action: "export.download",
      details: { exportId: found.id },
    });
  });
  return {
    ok: true,
    stream: file.stream,
    byteSize: file.byteSize,
    filename: exportFilename(scope.shop.handle, found.createdAt, found.format),
    contentType: found.format === "JSON" ? "application/json; charset=utf-8" : "application/zip",
    sha256: found.sha256,
  };
}

// The retention job: files past their link's expiry are deleted and the export marked
// EXPIRED; files left by a crashed writer, and files no export points to, go too.
export async function sweepExports(options: { now?: Date } = {}): Promise<{ expired: number; removed: number }> {
  const now = options.now ?? new Date();
  const prisma = getPrisma();
  const storage = getExportStorage();
  let expired = 0;
  for (;;) {
    const due = await prisma.export.findMany({
      where: { status: "READY", expiresAt: { lte: now } },
      select: { id: true, storageKey: true },
      take: 100,
    });
    if (!due.length) break;
    for (const row of due) {
      if (row.storageKey) await storage.delete(row.storageKey);
      await prisma.export.updateMany({
        where: { id: row.id, status: "READY" },
        data: { status: "EXPIRED", storageKey: null, deletedAt: now },
      });
      expired++;
    }
  }
  // A writer that crashed an hour ago is not coming back; a finished file no ready
  // export points to (a run that lost its job to another worker) is not needed.
  const hourAgo = new Date(now.getTime() - 60 * 60_000);
  let removed = await storage.removeIncomplete(hourAgo);
  const shops = await prisma.shop.findMany({ select: { id: true } });
  for (const shop of shops) {
    const files = (await storage.list(shop.id)).filter((f) => f.modifiedAt < hourAgo);
    if (!files.length) continue;
    const kept = await prisma.export.findMany({
      where: { shopId: shop.id, storageKey: { in: files.map((f) => f.key) } },
      select: { storageKey: true },
    });
    const keep = new Set(kept.map((k) => k.storageKey));
    for (const file of files) {
      if (keep.has(file.key)) continue;
      await storage.delete(file.key);
      removed++;
    }
  }
  if (expired || removed) logEvent("info", { event: "export.sweep", count: expired + removed });
  return { expired, removed };
}

registerJobHandler(EXPORT_BUILD_JOB, {
  async run(context) {
    const payload = context.job.payload as { exportId?: unknown };
    if (typeof payload?.exportId !== "string") throw Object.assign(new Error("bad payload"), { code: "BAD_PAYLOAD" });
    const shopId = await buildExport({ exportId: payload.exportId, context });
    // The "ready" email goes now rather than on the mail job's next round.
    if (shopId) await tryDeliverPendingEmails({ shopId });
  },
  async onGiveUp(job, code) {
    const payload = job.payload as { exportId?: unknown };
    if (typeof payload?.exportId === "string") await markExportFailed(payload.exportId, code);
  },
});

registerJobHandler(EXPORT_SWEEP_JOB, {
  async run() {
    await sweepExports();
  },
  nextRunAt: (now) => new Date(now.getTime() + EXPORT.sweepEveryMs),
});

export async function scheduleExportSweep(): Promise<void> {
  await enqueueJob(getPrisma(), { kind: EXPORT_SWEEP_JOB, key: "all" });
}
