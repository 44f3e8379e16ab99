import { afterEach, describe, expect, it } from "vitest";
import type { CustomerViewer } from "@/server/auth/viewer";
import { getDatabase, getPrisma } from "@/server/db";
import { EXPORT } from "@/server/export";
import { buildExport } from "@/server/export/build";
import { exportStorageKey } from "@/server/export/config";
import { getExportStorage } from "@/server/storage";
import { viewerWithHistory } from "../factories";
import { exportValidator, standaloneJobContext, storedJson, storedZip, text } from "../support/exports";

// On a PostgreSQL server the export file is written by a separate writer process
// (server/export/writer-main.ts); on the embedded database, which one process owns,
// by the app itself. Either way the file must be the same.

async function exportOnce(viewer: CustomerViewer, format: "JSON" | "CSV", writer: "inline" | "process") {
  EXPORT.writer = writer;
  // Built outside the job queue, so that on a shared PostgreSQL database this file never
  // takes the export tests' jobs (nor they its).
  const created = await getPrisma().export.create({
    data: { shopId: viewer.shop.id, customerId: viewer.customerId, format, categories: [] },
  });
  await buildExport({ exportId: created.id, context: standaloneJobContext(created.id) });
  const row = await getPrisma().export.findUniqueOrThrow({ where: { id: created.id }, select: { status: true } });
  expect(row.status).toBe("READY");
  return { id: created.id, run: EXPORT.lastRun };
}

const isChangedByExporting = (datasetKey: string) =>
  datasetKey.startsWith("data_export") || datasetKey === "activity_log" || datasetKey === "emails_sent";

afterEach(() => {
  EXPORT.writer = "inline";
});

describe("the export writer process", () => {
  it("writes the same JSON and CSV files as the app does, where the database allows a second process", async () => {
    const viewer = await viewerWithHistory({ orderCount: 12 });
    const hasServer = Boolean(getDatabase().raw.copyOut);

    const inline = await exportOnce(viewer, "JSON", "inline");
    const forked = await exportOnce(viewer, "JSON", "process");
    expect(inline.run?.inProcess).toBe(true);
    // Only a PostgreSQL server can be reached from a second process.
    expect(forked.run?.inProcess).toBe(!hasServer);
    if (hasServer) expect(forked.run?.writerMaxRssKb).toBeGreaterThan(0);
    const a = (await storedJson(inline.id)).document;
    const b = (await storedJson(forked.id)).document;
    expect(exportValidator()(b)).toBe(true);
    // Each export adds to the activity log, the emails sent and the list of exports
    // between the two runs: compare the rest.
    const withoutExports = (doc: typeof a) =>
      doc.categories.map((c) => ({ ...c, datasets: c.datasets.filter((d) => !isChangedByExporting(d.key)) }));
    expect(withoutExports(b)).toEqual(withoutExports(a));

    const csvInline = await exportOnce(viewer, "CSV", "inline");
    const csvForked = await exportOnce(viewer, "CSV", "process");
    expect(csvForked.run?.inProcess).toBe(!hasServer);
    const zipA = await storedZip(csvInline.id);
    const zipB = await storedZip(csvForked.id);
    expect(Object.keys(zipB).sort()).toEqual(Object.keys(zipA).sort());
    for (const name of Object.keys(zipA)) {
      const key = name.replace(/^.*\//, "").replace(/\.csv$/, "");
      if (name === "README.txt" || name.endsWith(".pdf") || isChangedByExporting(key)) continue;
      expect(text(zipB[name]), name).toBe(text(zipA[name]));
    }
    expect(Object.keys(zipB).filter((n) => n.endsWith(".pdf")).length).toBeGreaterThan(0);
  });
});

describe("an export whose row goes while it is written", () => {
  // The account is erased meanwhile (erasure deletes the customer's exports and their
  // files first), or another worker took the job over: no row will point at this file,
  // so it is deleted at once rather than left with the person's data until the sweep.
  it.each(["inline", "process"] as const)("leaves no file behind (%s writer)", async (writer) => {
    EXPORT.writer = writer;
    const viewer = await viewerWithHistory({ orderCount: 3 });
    const created = await getPrisma().export.create({
      data: { shopId: viewer.shop.id, customerId: viewer.customerId, format: "JSON", categories: [] },
    });
    const context = standaloneJobContext(created.id);
    // The last check before the file is kept finds the row gone.
    context.heartbeat = async () => {
      await getPrisma().export.deleteMany({ where: { id: created.id } });
    };
    expect(await buildExport({ exportId: created.id, context })).toBeNull();
    const key = exportStorageKey(viewer.shop.id, created.id, context.job.claim, "JSON");
    expect(await getExportStorage().open(key)).toBeNull();
    // And no "ready" email went out for it.
    expect(
      await getPrisma().outboundEmail.count({ where: { customerId: viewer.customerId, kind: "export-ready" } }),
    ).toBe(0);
  });
});
