import "server-only";
import { fork } from "node:child_process";
import path from "node:path";
import { appUrl } from "../app-url";
import { recordAuditEvent } from "../audit";
import { actorOf } from "../auth/authorize";
import { systemViewer } from "../auth/viewer";
import { type PersonalModel, personalModels } from "../data-map/index";
import { getDataCategories } from "../data-map/view";
import { getDatabase, getPrisma } from "../db";
import { type DocumentKind, renderDocumentsForExport } from "../documents";
import type { JobContext } from "../jobs";
import { enqueueEmail } from "../mail";
import { getExportStorage } from "../storage";
import { findShopById, type ShopRef } from "../tenants";
import { EXPORT, exportStorageKey } from "./config";
import { exportDatasets } from "./datasets";
import { countRows, type DateBounds, type Plan, type WriteResult, type WriteSpec, writeExportFile } from "./writer";

// Builds one export as a durable job: decides what goes in (the categories "My data"
// shows, the date range), counts it for progress, has the file written (server/export/
// writer.ts: in the app, or in a separate writer process on a PostgreSQL server), then
// marks the export ready, records it and emails the customer. A run always starts from
// the beginning; a crash leaves nothing served, and the job runs again when its lease
// runs out.

type WriterMessage =
  | { type: "progress"; done: number }
  | { type: "done"; result: WriteResult }
  | { type: "error"; code: string };

type WriterProcess = {
  run(spec: WriteSpec, progress: (done: number) => Promise<void>): Promise<WriteResult>;
  kill(): void;
};

// A child process running writeExportFile (server/export/writer-main.ts). It is started
// before the export is planned, so its start-up overlaps the planning; run() sends it
// the plan and relays its progress; the job's lease is kept here, and if the lease is
// lost the child is killed.
function startWriterProcess(): WriterProcess {
  // Not bundled: the writer runs from source (see writer-main.ts).
  const writerPath = path.join(/*turbopackIgnore: true*/ process.cwd(), "server", "export", "writer-main.ts");
  const child = fork(/*turbopackIgnore: true*/ writerPath, [], {
    // tsx's in-thread hook starts faster than its loader thread (--import tsx).
    execArgv: ["--conditions=react-server", "--require", "tsx/cjs"],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let result: WriteResult | null = null;
  let failure: unknown = null;
  let onProgress: (done: number) => Promise<void> = async () => undefined;
  child.on("message", (message: WriterMessage) => {
    if (message.type === "progress") {
      onProgress(message.done).catch((error: unknown) => {
        failure = error;
        child.kill("SIGKILL");
      });
    } else if (message.type === "done") {
      result = message.result;
    } else {
      failure = Object.assign(new Error("export writer failed"), { code: message.code });
    }
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve(code));
  });
  exited.catch(() => undefined);
  return {
    async run(spec, progress) {
      onProgress = progress;
      child.send(spec);
      const code = await exited;
      if (result && code === 0 && !failure) return result;
      throw failure ?? Object.assign(new Error("export writer exited"), { code: "WRITER_EXITED" });
    },
    kill() {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

// Progress and the job's lease are written at most this often.
const PROGRESS_EVERY_MS = 500;

// Returns the shop's id when the export became ready (so its email can go out now).
export async function buildExport(options: { exportId: string; context: JobContext }): Promise<string | null> {
  const prisma = getPrisma();
  const found = await prisma.export.findUnique({
    where: { id: options.exportId },
    select: {
      id: true,
      shopId: true,
      customerId: true,
      format: true,
      categories: true,
      from: true,
      to: true,
      status: true,
      customer: { select: { email: true, firstName: true, status: true } },
    },
  });
  // Gone (account erased) or finished by an earlier run: nothing to do.
  if (!found || found.status === "READY" || found.status === "EXPIRED" || found.status === "FAILED") return null;
  const shop = await findShopById({ id: found.shopId });
  if (!shop) throw Object.assign(new Error("shop missing"), { code: "SHOP_MISSING" });

  // On a PostgreSQL server the file is written by a separate, lean process (no Prisma,
  // no web server in it), which keeps the memory of a large export small and away from
  // the app; on the embedded database (one process only) it is written here.
  const inProcess = EXPORT.writer === "inline" || !getDatabase().raw.copyOut;
  const writerProcess = inProcess ? null : startWriterProcess();
  try {
    return await planAndWrite(found, shop, options.context, writerProcess);
  } finally {
    writerProcess?.kill();
  }
}

type ExportToBuild = {
  id: string;
  shopId: string;
  customerId: string;
  format: "JSON" | "CSV";
  categories: string[];
  from: Date | null;
  to: Date | null;
  customer: { email: string; firstName: string };
};

async function planAndWrite(
  found: ExportToBuild,
  shop: ShopRef,
  context: JobContext,
  writerProcess: WriterProcess | null,
): Promise<string | null> {
  const prisma = getPrisma();
  const startedAt = new Date();
  await prisma.export.update({
    where: { id: found.id },
    data: { status: "RUNNING", startedAt, progress: 0, rowsDone: 0, rowsTotal: null },
  });

  // The export's owner, as "My data" sees them: the same categories, nothing more.
  // The job acts as itself (a system actor) on the export's owner.
  const job = systemViewer({ shop, job: "export.build", subjectId: found.customerId });
  const visible = (await getDataCategories({ viewer: job })).map((c) => c.key);
  const categories = found.categories.length ? visible.filter((key) => found.categories.includes(key)) : visible;
  const entries = new Map(personalModels().map((e) => [e.model, e]));
  const all = exportDatasets();
  const ordered = categories.flatMap((key) => all.filter((d) => d.category === key));
  const dateText = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const toExclusive = found.to ? new Date(found.to.getTime() + 86_400_000) : null;
  const params = [found.customerId, shop.id];
  const bounds: DateBounds = { from: dateText(found.from), toExclusive: dateText(toExclusive) };
  const plans: Plan[] = ordered.map((dataset) => ({
    dataset,
    entry: entries.get(dataset.model) as PersonalModel,
    count: 0,
    bounds,
  }));
  const counts = await countRows(plans, params, getDatabase().raw);
  plans.forEach((plan, i) => {
    plan.count = counts[i];
  });

  const documentKinds: DocumentKind[] =
    found.format === "CSV" && categories.includes("documents") ? ["invoice", "warranty"] : [];
  const documents = documentKinds.length
    ? plans
        .filter((p) => p.dataset.model === "Invoice" || p.dataset.model === "WarrantyCertificate")
        .reduce((sum, p) => sum + p.count, 0)
    : 0;
  const total = plans.reduce((sum, p) => sum + p.count, 0) + documents;
  await prisma.export.update({ where: { id: found.id }, data: { rowsTotal: total } });

  const key = exportStorageKey(shop.id, found.id, context.job.claim, found.format);
  const spec: WriteSpec = {
    exportId: found.id,
    shop,
    customerId: found.customerId,
    format: found.format,
    generatedAt: startedAt.toISOString(),
    categories,
    requested: { categories: found.categories, from: dateText(found.from), to: dateText(found.to) },
    datasets: plans.map((p) => ({ key: p.dataset.key, count: p.count })),
    bounds,
    documentKinds,
    documents,
    range: { from: found.from?.toISOString() ?? null, toExclusive: toExclusive?.toISOString() ?? null },
    storageKey: key,
  };
  let lastReport = Date.now();
  const report = async (done: number) => {
    if (Date.now() - lastReport < PROGRESS_EVERY_MS) return;
    lastReport = Date.now();
    await context.heartbeat();
    const progress = total ? Math.min(99, Math.floor((done / total) * 100)) : 99;
    await prisma.export.updateMany({
      where: { id: found.id, status: "RUNNING" },
      data: { rowsDone: done, progress },
    });
  };
  const inProcess = !writerProcess;
  const { stored, done } = !writerProcess
    ? await writeExportFile(
        spec,
        {
          progress: (n) => report(n),
          // A run that lost its job to another worker stops before its file is kept.
          beforeCommit: () => context.heartbeat(),
          renderDocuments: renderDocumentsForExport,
        },
        getDatabase().raw,
      )
    : await writerProcess.run(spec, (n) => report(n));
  EXPORT.lastRun = { inProcess, writerMaxRssKb: stored.writerMaxRssKb ?? null };
  if (!inProcess) await context.heartbeat();

  const readyAt = new Date();
  const expiresAt = new Date(readyAt.getTime() + EXPORT.linkTtlMs);
  const readyFor = await prisma.$transaction(async (tx) => {
    const { count } = await tx.export.updateMany({
      where: { id: found.id, status: "RUNNING" },
      data: {
        status: "READY",
        progress: 100,
        rowsDone: done,
        storageKey: key,
        byteSize: BigInt(stored.byteSize),
        sha256: stored.sha256,
        readyAt,
        expiresAt,
        errorCode: null,
      },
    });
    // Taken over by another run meanwhile: that run reports.
    if (count === 0) return null;
    await recordAuditEvent(tx, {
      shopId: shop.id,
      customerId: found.customerId,
      ...actorOf(job),
      action: "export.ready",
      details: { exportId: found.id, format: found.format, records: done, byteSize: stored.byteSize },
    });
    await enqueueEmail(tx, {
      shopId: shop.id,
      customerId: found.customerId,
      to: found.customer.email,
      kind: "export-ready",
      subject: `Your ${shop.name} data is ready to download`,
      text: [
        `Hello ${found.customer.firstName},`,
        "",
        `The copy of your data you asked for (${found.format === "JSON" ? "JSON file" : "CSV files in a ZIP archive"}) is ready. Download it from your privacy centre:`,
        "",
        appUrl(`/${shop.handle}/account/privacy/export`),
        "",
        `For your security you will be asked for your password if you have not entered it in the last ${Math.round(EXPORT.recentSignInMs / 60_000)} minutes. The file can be downloaded until ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC; after that it is deleted.`,
        "",
        "If you did not ask for this, sign in and change your password, and contact us.",
        "",
        shop.name,
      ].join("\n"),
    });
    return shop.id;
  });
  // The row is no longer RUNNING: another run took the job over (its file has another
  // key), or the account was erased meanwhile (the row is gone). No row will point at
  // this file, so it goes now rather than staying with the person's data until the sweep.
  if (readyFor === null) await getExportStorage().delete(key);
  return readyFor;
}

export async function markExportFailed(exportId: string, code: string): Promise<void> {
  await getPrisma().export.updateMany({
    where: { id: exportId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", errorCode: code.slice(0, 100) },
  });
}
