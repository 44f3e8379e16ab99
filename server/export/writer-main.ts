// The export writer process (see runWriterProcess in ./build.ts): receives one WriteSpec
// over IPC, writes and commits the file, reports progress and the result, and exits.
// It reads rows with COPY through the database's own driver and never runs a Prisma
// query, so its memory stays small whatever the size of the account.
import pg from "pg";
import { postgresRaw } from "../db/raw-postgres";
import { type WriteResult, type WriteSpec, writeExportFile } from "./writer";

const send = (message: unknown) =>
  new Promise<void>((resolve) => {
    if (!process.send) resolve();
    else process.send(message, () => resolve());
  });

const codeOf = (error: unknown) =>
  error && typeof error === "object" && "code" in error && typeof error.code === "string"
    ? error.code
    : error instanceof Error
      ? error.name
      : "UNKNOWN";

// This file runs only under tsx's CommonJS hook (never bundled), where require loads
// TypeScript; a dynamic import() would bypass the hook.
function loadDocumentRenderer(): typeof import("../documents").renderDocumentsForExport {
  return require("../documents").renderDocumentsForExport;
}

// The parent went away (crash, restart, lease lost): stop at once.
process.on("disconnect", () => process.exit(1));

process.once("message", async (spec: WriteSpec) => {
  let last = 0;
  // Started only on a PostgreSQL server (DATABASE_URL), with the app's environment.
  // Order items are sorted by their order's date: in memory rather than on disk.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2, options: "-c work_mem=64MB" });
  try {
    const result: WriteResult = await writeExportFile(
      spec,
      {
        async progress(done) {
          if (Date.now() - last < 200) return;
          last = Date.now();
          await send({ type: "progress", done });
        },
        async beforeCommit() {},
        // PDFs are read through the app's database client: loaded only when asked for.
        renderDocuments: spec.documentKinds.length ? loadDocumentRenderer() : undefined,
      },
      postgresRaw(pool),
    );
    result.stored.writerMaxRssKb = process.resourceUsage().maxRSS;
    await send({ type: "done", result });
    process.exit(0);
  } catch (error) {
    await send({ type: "error", code: codeOf(error) });
    process.exit(1);
  }
});
