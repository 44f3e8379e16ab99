// "Download my data" at scale (issue 4): a customer with 100,000 orders (and their items
// and invoices) exported as JSON and as CSV (ZIP) by the real export job, each in its own
// process; next to it the same data sets dumped by PostgreSQL's own COPY ... TO STDOUT
// (on PGlite: COPY ... TO '/dev/blob') as the physical baseline.
// Targets: peak RSS of the exporting process under 200 MB; throughput (records/s) at
// least 20% of COPY's for the same rows.
//   npx tsx bench/export.ts
// On PostgreSQL instead of the embedded database: BENCH_POSTGRES=postgresql://postgres@127.0.0.1:5432
// (a fresh database is created there and dropped afterwards).
// BENCH_ORDERS (default 100000) sizes the customer. Generating 100,000 orders takes
// minutes: BENCH_KEEP=1 keeps the database for the next run (.data/bench-export on PGlite,
// database bench_export on PostgreSQL) and tops it up rather than starting again.
// BENCH_RUNS (default 3) rounds of COPY, JSON and CSV, each in a fresh process; the table
// keeps each one's fastest (the machine's other work only ever slows a run down) and the
// highest peak RSS of its runs.
// BENCH_DOCUMENTS=1 adds a CSV run with the invoice PDFs (slow: one PDF per invoice).
// The CSV row of the table leaves the "documents" category out (it would render the PDFs),
// so its COPY baseline leaves those data sets out too.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import type { PGlite as PGliteType } from "@electric-sql/pglite";
import pg from "pg";
import { adminQuery, benchEnv, loadAverage } from "./support";

const ROOT = path.resolve(import.meta.dirname, "..");
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const EMAIL = `bench-${ORDERS}@almaz.example`;
const SHOP = "almaz";
const RSS_TARGET_MB = 200;
const THROUGHPUT_TARGET = 0.2;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

type ExportResult = {
  format: "JSON" | "CSV";
  categories: string[];
  status: string;
  rows: number;
  documents: number;
  wallMs: number;
  byteSize: number;
  rssBeforeKb: number;
  maxRssKb: number;
  // On PostgreSQL the file is written by a separate writer process: the peak RSS is
  // that process's (maxRssKb) and this is the app process's own peak.
  appMaxRssKb: number | null;
};

type CopyResult = {
  datasets: { key: string; category: string; rows: number; bytes: number; ms: number }[];
  maxRssKb: number;
};

// ---------------------------------------------------------------------------------------
// Child processes. They load the app's server modules (which need the "react-server"
// condition) with tsx's in-thread CommonJS hook: `--import tsx` would add a loader
// thread (~20 MB of RSS) that the built app does not have.

const load = <T>(id: string): T => require(id) as T;

type ServerModules = {
  db: typeof import("../server/db");
  exports: typeof import("../server/export/index");
  jobs: typeof import("../server/jobs");
  tenants: typeof import("../server/tenants");
  storage: typeof import("../server/storage");
  view: typeof import("../server/data-map/view");
  viewer: typeof import("../server/auth/viewer");
};

function loadServer(): ServerModules {
  return {
    db: load("../server/db"),
    exports: load("../server/export/index"),
    jobs: load("../server/jobs"),
    tenants: load("../server/tenants"),
    storage: load("../server/storage"),
    view: load("../server/data-map/view"),
    viewer: load("../server/auth/viewer"),
  };
}

async function findCustomer(m: ServerModules) {
  const shop = await m.tenants.findShop({ handle: SHOP });
  if (!shop) throw new Error(`no shop ${SHOP}`);
  const customer = await m.db.getPrisma().customer.findUnique({
    where: { shopId_email: { shopId: shop.id, email: EMAIL } },
    select: { id: true },
  });
  if (!customer) throw new Error(`no customer ${EMAIL}`);
  return { shop, customerId: customer.id };
}

// One export, as the app runs it: exportCreate, then the "export.build" job.
async function exportWorker(format: "JSON" | "CSV", scope: string): Promise<ExportResult> {
  const m = loadServer();
  const prisma = m.db.getPrisma();
  const { shop, customerId } = await findCustomer(m);
  // Earlier runs' exports would hit the daily limit (and be exported themselves).
  const old = await prisma.export.findMany({ where: { customerId }, select: { id: true, storageKey: true } });
  for (const row of old) if (row.storageKey) await m.storage.getExportStorage().delete(row.storageKey);
  await prisma.job.deleteMany({ where: { kind: m.exports.EXPORT_BUILD_JOB } });
  await prisma.export.deleteMany({ where: { customerId } });

  const viewer = m.viewer.customerViewer({ shop, customerId, sessionId: "", authenticatedAt: new Date() });
  const visible = (await m.view.getDataCategories({ viewer })).map((c) => c.key);
  const categories = scope === "all" ? [] : visible.filter((key) => key !== scope.replace(/^-/, ""));
  const created = await m.exports.createExport({ viewer, input: { format, categories } });
  const documents =
    format === "CSV" && (categories.length === 0 || categories.includes("documents"))
      ? (await prisma.invoice.count({ where: { customerId } })) +
        (await prisma.warrantyCertificate.count({ where: { customerId } }))
      : 0;

  const rssBeforeKb = process.resourceUsage().maxRSS;
  const started = process.hrtime.bigint();
  const report = await m.jobs.runDueJobs({ kinds: [m.exports.EXPORT_BUILD_JOB] });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const lastRun = m.exports.EXPORT.lastRun;
  const ownMaxRssKb = process.resourceUsage().maxRSS;
  const isForked = Boolean(lastRun && !lastRun.inProcess && lastRun.writerMaxRssKb);
  const maxRssKb = isForked ? (lastRun?.writerMaxRssKb as number) : ownMaxRssKb;
  const done = await prisma.export.findUniqueOrThrow({
    where: { id: created.export.id },
    select: { status: true, rowsDone: true, byteSize: true, errorCode: true },
  });
  if (done.status !== "READY") {
    throw new Error(
      `export ended ${done.status} (${done.errorCode ?? "no error code"}); jobs: ${JSON.stringify(report)}`,
    );
  }
  await m.db.closeDatabase();
  return {
    format,
    categories,
    status: done.status,
    rows: done.rowsDone - documents,
    documents,
    wallMs,
    byteSize: Number(done.byteSize ?? 0),
    rssBeforeKb: isForked ? 0 : rssBeforeKb,
    maxRssKb,
    appMaxRssKb: isForked ? ownMaxRssKb : null,
  };
}

const countLines = (chunk: Uint8Array) => {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
};

// Every data set the export writes, as one COPY each: the same columns, the same owner
// condition, no ORDER BY (the physical floor). A warm-up pass, then two timed passes;
// the fastest counts for each data set.
async function copyWorker(isFirst: boolean): Promise<CopyResult> {
  const m = loadServer();
  const datasetsModule: typeof import("../server/export/datasets") = load("../server/export/datasets");
  const dataMap: typeof import("../server/data-map/index") = load("../server/data-map/index");
  const database = m.db.getDatabase();
  const [ids] = await database.raw.query<{ customerId: string; shopId: string }>(
    `SELECT c."id" AS "customerId", c."shopId" FROM "Customer" c JOIN "Shop" s ON s."id" = c."shopId" WHERE s."handle" = $1 AND c."email" = $2`,
    [SHOP, EMAIL],
  );
  if (!ids) throw new Error(`no customer ${EMAIL}`);
  const uuid = /^[0-9a-f-]{36}$/;
  if (!uuid.test(ids.customerId) || !uuid.test(ids.shopId)) throw new Error("unexpected id");
  // Freshly generated rows: set their hint bits and statistics once, before anything is timed.
  if (isFirst) await database.raw.exec("VACUUM ANALYZE");
  const entries = new Map(dataMap.personalModels().map((e) => [e.model, e]));
  const statements = datasetsModule.exportDatasets().map((dataset) => {
    const entry = entries.get(dataset.model);
    if (!entry) throw new Error(`no data map entry for ${dataset.model}`);
    const columns = dataset.columns.map((c) => (c.isDateOnly ? `"${c.key}"::text` : `"${c.key}"`)).join(", ");
    const where = m.view.ownerSql(entry).replace(/\$1\b/g, `'${ids.customerId}'`).replace(/\$2\b/g, `'${ids.shopId}'`);
    return { dataset, sql: `COPY (SELECT ${columns} FROM "${dataset.model}" WHERE ${where}) TO STDOUT` };
  });

  let copy: (sql: string) => Promise<{ rows: number; bytes: number }>;
  let close: () => Promise<void>;
  if (database.kind === "postgres") {
    await m.db.closeDatabase();
    const { to } = load<typeof import("pg-copy-streams")>("pg-copy-streams");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    copy = async (sql) => {
      const stream: Readable = client.query(to(sql));
      let rows = 0;
      let bytes = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        rows += countLines(chunk);
        bytes += chunk.length;
      }
      return { rows, bytes };
    };
    close = () => client.end();
  } else {
    await m.db.closeDatabase();
    const { PGlite } = load<{ PGlite: typeof PGliteType }>("@electric-sql/pglite");
    const client = new PGlite(m.db.pgliteLocation());
    copy = async (sql) => {
      const result = await client.query(sql.replace(/TO STDOUT$/, "TO '/dev/blob'"));
      const bytes = new Uint8Array((await result.blob?.arrayBuffer()) ?? new ArrayBuffer(0));
      return { rows: countLines(bytes), bytes: bytes.length };
    };
    close = () => client.close();
  }
  const datasets: CopyResult["datasets"] = statements.map(({ dataset }) => ({
    key: dataset.key,
    category: dataset.category,
    rows: 0,
    bytes: 0,
    ms: Number.POSITIVE_INFINITY,
  }));
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i < statements.length; i++) {
      const started = process.hrtime.bigint();
      const { rows, bytes } = await copy(statements[i].sql);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (pass > 0) datasets[i] = { ...datasets[i], rows, bytes, ms: Math.min(ms, datasets[i].ms) };
    }
  }
  await close();
  return { datasets, maxRssKb: process.resourceUsage().maxRSS };
}

// ---------------------------------------------------------------------------------------
// The parent: prepares the database, runs the children one after another, prints.

const RESULT = "BENCH_RESULT ";

function runChild<T>(args: string[], env: NodeJS.ProcessEnv): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--require", "tsx/cjs", path.join(ROOT, "bench", "export.ts"), "worker", ...args],
      { cwd: ROOT, env, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(RESULT));
      if (code !== 0 || !line) reject(new Error(`worker ${args.join(" ")} exited with ${code}\n${out}`));
      else resolve(JSON.parse(line.slice(RESULT.length)) as T);
    });
  });
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mb = (kb: number) => (kb / 1024).toFixed(0);
const int = (n: number) => Math.round(n).toLocaleString("en");

async function main() {
  const server = process.env.BENCH_POSTGRES;
  const keep = process.env.BENCH_KEEP === "1";
  const database = keep ? "bench_export" : `bench_export_${process.pid}`;
  const pgliteDir = keep ? path.join(ROOT, ".data", "bench-export") : mkdtempSync(path.join(tmpdir(), "bench-export-"));
  const exportDir = mkdtempSync(path.join(tmpdir(), "bench-export-files-"));
  const env = benchEnv({ pgliteDir, exportDir });
  const admin = (sql: string) => adminQuery(server as string, sql);
  if (server) {
    const exists = await admin(`SELECT 1 FROM pg_database WHERE datname = '${database}'`);
    if (!exists.rowCount) await admin(`CREATE DATABASE ${database}`);
    env.DATABASE_URL = `${server}/${database}`;
  } else if (keep) {
    mkdirSync(path.dirname(pgliteDir), { recursive: true });
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`machine: ${cpus().length} CPUs; load average at start ${loadAverage()}`);
  out(
    `database: ${server ? `PostgreSQL (${database}${keep ? ", kept" : ""})` : `embedded PGlite (${keep ? pgliteDir : "temporary directory"})`}`,
  );
  try {
    const tsx = (args: string[]) =>
      execFileSync(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env, encoding: "utf8" });
    tsx(["scripts/db-migrate.ts"]);
    tsx(["prisma/seed.ts"]);
    const started = Date.now();
    const seeded = tsx(["prisma/seed.ts", "--orders", String(ORDERS), "--email", EMAIL]);
    const created = /\(([\d,]+) created\)/.exec(seeded)?.[1] ?? "?";
    out(
      `customer ${EMAIL}: ${int(ORDERS)} orders ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${created} generated now)`,
    );

    const variants = [
      { label: "JSON", args: ["export", "JSON", "all"] },
      { label: "CSV (ZIP), no documents", args: ["export", "CSV", "-documents"] },
      ...(process.env.BENCH_DOCUMENTS === "1"
        ? [{ label: "CSV (ZIP) + PDF documents", args: ["export", "CSV", "all"] }]
        : []),
    ];
    const results = new Map<string, ExportResult[]>(variants.map((v) => [v.label, []]));
    // COPY runs in every round too, so that it meets the same moments of the machine's
    // other work as the exports do.
    let copy: CopyResult | null = null;
    for (let run = 0; run < RUNS; run++) {
      const round = await runChild<CopyResult>(["copy", run === 0 ? "first" : "again"], env);
      copy = copy
        ? {
            datasets: copy.datasets.map((d, i) => ({ ...d, ms: Math.min(d.ms, round.datasets[i].ms) })),
            maxRssKb: Math.max(copy.maxRssKb, round.maxRssKb),
          }
        : round;
      for (const variant of variants) results.get(variant.label)?.push(await runChild<ExportResult>(variant.args, env));
    }
    if (!copy) throw new Error("no COPY run");
    const copied = copy;
    // The fastest run of each, with the highest peak RSS of all its runs.
    const runs = variants.map(({ label }) => {
      const all = results.get(label) ?? [];
      const best = all.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
      const peak = all.reduce((a, b) => (b.maxRssKb > a.maxRssKb ? b : a));
      return { label, result: { ...best, maxRssKb: peak.maxRssKb, rssBeforeKb: peak.rssBeforeKb } };
    });

    // The COPY baseline of a run: the data sets of the categories that run exported.
    const baseline = (categories: string[]) => {
      const sets = copied.datasets.filter((d) => !categories.length || categories.includes(d.category));
      const rows = sets.reduce((s, d) => s + d.rows, 0);
      const ms = sets.reduce((s, d) => s + d.ms, 0);
      const bytes = sets.reduce((s, d) => s + d.bytes, 0);
      return { rows, ms, bytes, perSecond: rows / (ms / 1000) };
    };
    const row = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(32) : c.padStart([0, 10, 9, 12, 13, 12, 10][i]))).join("");
    const lines = [
      `fastest of ${RUNS} run(s) each, every export in its own process; load average now ${loadAverage()}`,
      row(["", "records", "wall s", "records/s", "peak RSS MB", "before job", "file MB"]),
      "(peak RSS: of the process writing the file; on PostgreSQL that is the export writer process, and",
      ' "before job" is blank because that process starts for the job)',
    ];
    const all = baseline([]);
    lines.push(
      row([
        `COPY TO ${server ? "STDOUT" : "'/dev/blob'"}, all data sets`,
        int(all.rows),
        seconds(all.ms),
        int(all.perSecond),
        mb(copied.maxRssKb),
        "",
        (all.bytes / 1e6).toFixed(1),
      ]),
    );
    for (const { label, result } of runs) {
      const records = result.rows + result.documents;
      lines.push(
        row([
          label,
          int(records),
          seconds(result.wallMs),
          int(records / (result.wallMs / 1000)),
          mb(result.maxRssKb),
          result.rssBeforeKb ? mb(result.rssBeforeKb) : "",
          (result.byteSize / 1e6).toFixed(1),
        ]),
      );
    }
    lines.push("");
    const rss = (result: ExportResult) =>
      `peak RSS ${mb(result.maxRssKb)} MB${result.appMaxRssKb ? ` in the writer process (the app process, which only relays progress, peaked at ${mb(result.appMaxRssKb)} MB)` : `, ${mb(result.rssBeforeKb)} MB of it before the job started`} (target < ${RSS_TARGET_MB} MB): ${result.maxRssKb / 1024 < RSS_TARGET_MB ? "PASS" : "FAIL"}`;
    for (const { label, result } of runs) {
      if (result.documents) {
        const dataOnly = runs.find((r) => r.result.format === "CSV" && !r.result.documents);
        const extraMs = result.wallMs - (dataOnly?.result.wallMs ?? 0);
        lines.push(
          `${label}: ${int(result.documents)} PDF documents, ${int(result.documents / (result.wallMs / 1000))} documents/s over the whole run (${int(result.documents / (extraMs / 1000))}/s over the time it adds to the CSV without documents); ${rss(result)}`,
        );
        continue;
      }
      const base = baseline(result.categories);
      const rate = result.rows / (result.wallMs / 1000);
      const ratio = rate / base.perSecond;
      lines.push(
        `${label}: ${int(rate)} records/s vs COPY ${int(base.perSecond)} rows/s for the same data sets (${int(base.rows)} rows) = ${(ratio * 100).toFixed(1)}% (target ≥ ${THROUGHPUT_TARGET * 100}%): ${ratio >= THROUGHPUT_TARGET ? "PASS" : "FAIL"}`,
        `  ${rss(result)}`,
      );
    }
    out(lines.join("\n"));
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
    if (!keep) rmSync(pgliteDir, { recursive: true, force: true });
    if (server && !keep) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

async function worker(args: string[]): Promise<unknown> {
  if (args[0] === "copy") return copyWorker(args[1] === "first");
  if (args[0] === "export" && (args[1] === "JSON" || args[1] === "CSV")) return exportWorker(args[1], args[2] ?? "all");
  throw new Error(`unknown worker ${args.join(" ")}`);
}

if (process.argv[2] === "worker") {
  worker(process.argv.slice(3)).then(
    (result) => {
      process.stdout.write(`${RESULT}${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      process.exit(1);
    },
  );
} else {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}
