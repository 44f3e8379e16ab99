import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomerWithHistory, createRng, type Rng, startOfTodayUtc } from "@/prisma/seed/index";
import { hashPassword } from "@/server/auth/password";
import { type CustomerViewer, customerViewer } from "@/server/auth/viewer";
import { updateCustomer } from "@/server/customers/update";
import { personalModels } from "@/server/data-map";
import { ownerSql, quote } from "@/server/data-map/owner-sql";
import { closeDatabase, getDatabase, getPrisma } from "@/server/db";
import { applyMigrations } from "@/server/db/migrate";
import {
  confirmAccountDeletion,
  ERASURE_JOB,
  RECEIPT_RULE,
  requestAccountDeletion,
  runErasure,
} from "@/server/erasure";
import { ERASURE } from "@/server/erasure/engine";
import type { ErasureAnchors } from "@/server/erasure/plan";
import { suppressionHash } from "@/server/erasure/suppression";
import { getExportStorage } from "@/server/storage";
import { findShop, type ShopRef } from "@/server/tenants";
import { TEST_PASSWORD, viewerWithHistory } from "../factories";
import { deletionToken } from "../support/erasure-fixtures";

// Erasure killed at random steps by a real process kill (SIGKILL of a separate process
// running the engine, test/support/erasure-child.ts), then re-run: the end state of the
// erased account is the same every time, and nothing of any other customer changes.
//
// Identical accounts: the seed's history generator draws from a PRNG seeded with the
// seed *and the email address*, so every twin is created with the same address (and the
// same fixed "now"), then renamed (address and social account id, which are unique)
// before the next one is created. What still differs between twins is normalised in the
// snapshot: ids, addresses, document numbers (taken in sequence per shop), hashes and the
// times of the test run itself.
//
// The test works in a database of its own, so that it can also check every other row
// of it (and no other test file's retention sweep or erasure touches its accounts). On
// PostgreSQL (DATABASE_URL) that is a fresh database next to the given one, created and
// dropped here, which the child processes use too. The embedded database (PGlite) can be
// opened by one process at a time, so in that mode it is a PGlite data directory on disk
// that the test closes before each child runs and opens again afterwards: a kill there is
// a crash of the database itself, recovered from its write-ahead log on the next open.
//
// To reproduce a failure, run again with the printed ERASURE_FAULT_SEED=... and
// ERASURE_FAULT_NOW=...

const ROOT = path.resolve(import.meta.dirname, "../..");
const CHILD = path.join(ROOT, "test/support/erasure-child.ts");
const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const SEED = process.env.ERASURE_FAULT_SEED ?? randomBytes(4).toString("hex");
// Rows per batch in every run, so that a small account takes many steps.
const BATCH = 3;
const ORDERS = 12;
// The fixture's "now" (its histories end there): yesterday, so that every date it holds
// is earlier than the test run and recent orders are still kept under retention rules.
const FIXTURE_NOW = new Date(process.env.ERASURE_FAULT_NOW ?? startOfTodayUtc().getTime() - 24 * 60 * 60 * 1000);

type Row = Record<string, unknown>;
type Snapshot = Record<string, Row[]>;

// The customer's rows as the erasure engine sees them (the data map's owner filters),
// plus what erasure makes that no longer points at the account: rows kept after it
// (found by the ids they had before), the receipt (by address), the suppression entry
// and the request's job.
type Closure = {
  shop: ShopRef;
  customerId: string;
  email: string;
  requestId: string;
  ids: Record<string, string[]>;
  numberBase: Record<string, number>;
  storageKeys: string[];
};

const raw = () => getDatabase().raw;
// The seed and where each run was killed, to reproduce a failure.
const log = (line: string) => process.stdout.write(`erasure fault test: ${line}\n`);

async function closureRows(c: Omit<Closure, "numberBase" | "storageKeys">): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const entry of personalModels()) {
    const params: unknown[] = [c.customerId, c.shop.id, c.ids[entry.model] ?? []];
    let extra = "";
    if (entry.model === "OutboundEmail") {
      params.push(c.email);
      extra = ` OR (t."toAddress" = $4 AND t."shopId" = $2::uuid)`;
    }
    const rows = await raw().query<{ row: Row }>(
      `SELECT to_jsonb(t) AS "row" FROM ${quote(entry.model)} t WHERE (${ownerSql(entry)}) OR t."id" = ANY($3::uuid[])${extra}`,
      params,
    );
    out[entry.model] = rows.map((r) => r.row);
  }
  out.SuppressionEntry = (
    await raw().query<{ row: Row }>(
      `SELECT to_jsonb(t) AS "row" FROM "SuppressionEntry" t WHERE "shopId" = $1::uuid AND "emailHash" = $2`,
      [c.shop.id, suppressionHash(c.email)],
    )
  ).map((r) => r.row);
  out.Job = (
    await raw().query<{ row: Row }>(`SELECT to_jsonb(t) AS "row" FROM "Job" t WHERE "kind" = $1 AND "key" = $2`, [
      ERASURE_JOB,
      c.requestId,
    ])
  ).map((r) => r.row);
  return out;
}

const trailingNumber = (value: unknown) => Number(/(\d+)$/.exec(String(value))?.[1] ?? Number.NaN);

async function capture(options: {
  shop: ShopRef;
  customerId: string;
  email: string;
  requestId: string;
}): Promise<Closure> {
  const rows = await closureRows({ ...options, ids: {} });
  const ids = Object.fromEntries(Object.entries(rows).map(([model, list]) => [model, list.map((r) => String(r.id))]));
  const numberBase = Object.fromEntries(
    ["Order", "Invoice", "WarrantyCertificate"].map((model) => [
      model,
      Math.min(...(rows[model] ?? []).map((r) => trailingNumber(r.number))),
    ]),
  );
  const storageKeys = (rows.Export ?? []).map((r) => r.storageKey).filter((k): k is string => typeof k === "string");
  return { ...options, ids, numberBase, storageKeys };
}

async function fileExists(key: string): Promise<boolean> {
  const file = await getExportStorage().open(key);
  file?.stream.destroy();
  return Boolean(file);
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const RETENTION_DATES = new Set(["retainedUntil", "retainedUntilEarliest", "retainedUntilLatest"]);
// Random or shop-wide by nature: the audit chain's links and positions (other events of
// the shop come between), salted digests, token and address hashes.
const VOLATILE = new Set(["tokenHash", "emailHash", "hash", "prevHash", "sequence", "salt", "valuesDigest"]);
// The account date a retention rule counts from, if it counts from one.
const ANCHOR_OF: Partial<Record<string, keyof ErasureAnchors>> = {
  "account-closed": "closedAt",
  "consent-withdrawn": "closedAt",
  "last-activity": "lastActivityAt",
  "last-order": "lastOrderAt",
  "last-return": "lastReturnAt",
};

// The erased account's end state in a form that is equal for twins: no ids, references
// by what they point at, document numbers relative to the account's first. Times:
// - the fixture's dates and what follows from them alone (retention counted from an
//   order or a certificate, a warranty's end) as they are, past or future;
// - dates erasure counts from a time of this run (the account's closing, which is the
//   start of erasure; the receipt's end of erasure) as an offset from that time;
// - any other time of this run (requests, confirmations, defaults of new rows) as
//   "<run-time>", and such dates inside texts as "<run-date>".
async function endState(c: Closure, runStartedAt: number): Promise<Snapshot> {
  const rows = await closureRows(c);
  const [request] = rows.DeletionRequest.filter((r) => r.id === c.requestId);
  const anchors = (request?.anchors ?? {}) as Partial<ErasureAnchors>;
  const startedAt = Date.parse(String(request?.startedAt));
  const completedAt = Date.parse(String(request?.completedAt));
  const labels = new Map<string, string>([
    [c.customerId, "<customer>"],
    [c.requestId, "<request>"],
    [c.shop.id, "<shop>"],
  ]);
  for (const order of rows.Order) {
    labels.set(String(order.id), `<order +${trailingNumber(order.number) - c.numberBase.Order}>`);
  }
  for (const [model, ids] of Object.entries(c.ids)) {
    for (const id of ids) if (!labels.has(id)) labels.set(id, `<${model}>`);
  }
  // Rows the run itself made (the deletion, recorded as a request done at once), by what
  // they are: their steps point at them.
  for (const row of rows.RightsRequest ?? []) {
    const id = String(row.id);
    if (!labels.has(id)) labels.set(id, `<RightsRequest ${String(row.type)}>`);
  }
  const runDates = new Set<string>();
  const time = (value: string, key: string, table: string, parent: Row): string => {
    const at = Date.parse(value);
    const absolute = new Date(at).toISOString();
    const relative = (name: string, base: number) => {
      runDates.add(absolute.slice(0, 10));
      return `${name} + ${at - base} ms`;
    };
    if (key === "closedAt") return relative("startedAt", startedAt);
    if (RETENTION_DATES.has(key)) {
      const ruleKey = parent.retentionRule ?? parent.ruleKey;
      if (table === "OutboundEmail" && ruleKey === RECEIPT_RULE) return relative("completedAt", completedAt);
      const trigger = c.shop.profile.retention.find((r) => r.key === ruleKey)?.trigger;
      const anchor = trigger ? ANCHOR_OF[trigger] : undefined;
      const base = anchor ? Date.parse(String(anchors[anchor])) : Number.NaN;
      return base >= runStartedAt ? relative(`anchors.${anchor}`, base) : absolute;
    }
    if (key === "validUntil" || at < runStartedAt) return absolute;
    runDates.add(absolute.slice(0, 10));
    return "<run-time>";
  };
  const text = (value: string) => {
    let s = labels.get(value) ?? value;
    for (const [token, label] of [
      [c.customerId, "<customer>"],
      [c.requestId, "<request>"],
      [c.email, "<email>"],
    ]) {
      s = s.split(token).join(label);
    }
    return s;
  };
  const normalise = (value: unknown, key: string, table: string, parent: Row): unknown => {
    if (VOLATILE.has(key)) return "<volatile>";
    if (value === null || value === undefined) return value;
    if (Array.isArray(value)) return value.map((v) => normalise(v, key, table, parent));
    if (typeof value === "object") {
      const row = value as Row;
      return Object.fromEntries(
        Object.entries(row)
          .filter(([k]) => !(k === "id" && key === ""))
          .map(([k, v]) => [k, normalise(v, k, table, row)]),
      );
    }
    if (typeof value !== "string") return value;
    if (ISO.test(value)) return time(value, key, table, parent);
    if (key === "number" && table in c.numberBase) {
      return value.replace(/(\d+)$/, (n) => `+${Number(n) - c.numberBase[table]}`);
    }
    return text(value);
  };
  // Dates of this run inside texts (the receipt's "deleted on", the subject's date).
  const dates = (value: unknown): unknown => {
    if (typeof value === "string")
      return value.replace(/\d{4}-\d{2}-\d{2}(?!T)/g, (d) => (runDates.has(d) ? "<run-date>" : d));
    if (Array.isArray(value)) return value.map(dates);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, dates(v)]));
    }
    return value;
  };
  const snapshot: Snapshot = {};
  for (const [table, list] of Object.entries(rows)) {
    snapshot[table] = list.map((row) => normalise(row, "", table, row) as Row);
  }
  for (const [table, list] of Object.entries(snapshot)) {
    snapshot[table] = list
      .map((row) => dates(row) as Row)
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  snapshot.files = await Promise.all(c.storageKeys.map(async (key) => ({ exists: await fileExists(key) })));
  return snapshot;
}

// Every row of the (test's own) database, to prove that erasure changed nothing outside
// the erased account's rows.
async function dumpDatabase(): Promise<Map<string, string>> {
  const tables = await raw().query<{ name: string }>(
    `SELECT table_name AS "name" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const all = new Map<string, string>();
  for (const { name } of tables) {
    for (const { row } of await raw().query<{ row: Row }>(
      `SELECT to_jsonb(t) AS "row" FROM "${name.replace(/"/g, '""')}" t`,
    )) {
      all.set(`${name}:${String(row.id ?? row.key)}`, JSON.stringify(row));
    }
  }
  return all;
}

const keysOf = (snapshot: Snapshot) =>
  new Set(Object.entries(snapshot).flatMap(([table, rows]) => rows.map((r) => `${table}:${String(r.id)}`)));

function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

// ---------------------------------------------------------------------------------------

type ChildRun = { code: number | null; signal: NodeJS.Signals | null; steps: string[]; out: string; err: string };

function runChild(env: Record<string, string>): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD], {
      cwd: ROOT,
      env: { ...process.env, ERASURE_BATCH_SIZE: String(BATCH), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const steps = out
        .split("\n")
        .filter((l) => l.startsWith("STEP "))
        .map((l) => l.split(" ")[2]);
      resolve({ code, signal, steps, out, err });
    });
  });
}

// Runs in this process: counts the committed steps.
async function runHere(requestId: string): Promise<{ result: string; steps: string[] }> {
  const steps: string[] = [];
  ERASURE.testHooks.afterStep = (step) => {
    steps.push(step);
  };
  try {
    return { result: await runErasure({ requestId }), steps };
  } finally {
    ERASURE.testHooks.afterStep = null;
  }
}

// Asked for and confirmed as the customer does it, then made due at once.
async function confirmedRequest(viewer: CustomerViewer): Promise<string> {
  const request = await requestAccountDeletion({
    viewer,
    input: { password: TEST_PASSWORD, confirmation: "DELETE" },
  });
  await confirmAccountDeletion({ viewer, input: { token: await deletionToken(viewer.customerId) } });
  await getPrisma().deletionRequest.update({ where: { id: request.id }, data: { scheduledFor: new Date() } });
  return request.id;
}

let passwordHash: string;
const tag = `${SEED}-${randomBytes(3).toString("hex")}`;

// One of a set of identical accounts: same seed, same address at creation, same "now".
async function createTwin(shop: ShopRef, index: number): Promise<Closure> {
  const prisma = getPrisma();
  const customerId = await createCustomerWithHistory(prisma, {
    shopId: shop.id,
    profile: shop.profile,
    email: `fault-twin-${SEED}@test.example`,
    orderCount: ORDERS,
    seed: SEED,
    passwordHash,
    now: FIXTURE_NOW,
  });
  // Renamed so that the next twin can take the same address (and social account id).
  const email = `fault-twin-${tag}-${shop.handle}-${index}@test.example`;
  await prisma.customer.update({ where: { id: customerId }, data: { email } });
  await prisma.$executeRaw`UPDATE "Account" SET "providerAccountId" = "providerAccountId" || ${`-${tag}-${index}`} WHERE "customerId" = ${customerId}::uuid`;
  const session = await prisma.session.create({
    data: { customerId, expiresAt: new Date(Date.now() + 3600_000) },
  });
  const viewer: CustomerViewer = customerViewer({
    shop,
    customerId,
    sessionId: session.id,
    authenticatedAt: session.authenticatedAt,
  });
  // A correction (audit values, notices to recipients) and an export file on disk.
  await updateCustomer({ viewer, input: { alias: "twin", hometown: "Cluj-Napoca" } });
  const exported = await prisma.export.create({
    data: { shopId: shop.id, customerId, format: "JSON", status: "READY", progress: 100, createdAt: FIXTURE_NOW },
  });
  const key = `fault/${exported.id}.json`;
  const file = await getExportStorage().create(key);
  file.stream.write('{"twin":true}');
  await file.commit();
  await prisma.export.update({ where: { id: exported.id }, data: { storageKey: key } });
  const requestId = await confirmedRequest(viewer);
  return capture({ shop, customerId, email, requestId });
}

type Kill = { at: number } | { inFinish: true };
type Plan = { name: string; kills: Kill[] };

describe(`erasure killed at random steps (${ON_POSTGRES ? "PostgreSQL" : "PGlite on disk"})`, () => {
  let pgliteDir: string | null = null;
  let ownPostgres: { url: string; drop(): Promise<void> } | null = null;
  const previous = {
    pgliteDir: process.env.PGLITE_DIR,
    databaseUrl: process.env.DATABASE_URL,
    batchSize: ERASURE.batchSize,
  };
  const controls: { label: string; closure: Closure; rows: Snapshot }[] = [];

  beforeAll(async () => {
    await closeDatabase();
    if (ON_POSTGRES) {
      ownPostgres = await createOwnPostgres(String(process.env.DATABASE_URL));
      process.env.DATABASE_URL = ownPostgres.url;
    } else {
      // On disk, so that a second process can open it.
      pgliteDir = mkdtempSync(path.join(tmpdir(), "pc-erasure-fault-"));
      process.env.PGLITE_DIR = path.join(pgliteDir, "db");
    }
    await applyMigrations(getDatabase().raw);
    passwordHash = await hashPassword(TEST_PASSWORD);
  });

  afterAll(async () => {
    ERASURE.testHooks.afterStep = null;
    ERASURE.testHooks.inFinish = null;
    ERASURE.batchSize = previous.batchSize;
    await closeDatabase();
    if (pgliteDir) {
      rmSync(pgliteDir, { recursive: true, force: true });
      process.env.PGLITE_DIR = previous.pgliteDir;
    }
    if (ownPostgres) {
      await ownPostgres.drop();
      process.env.DATABASE_URL = previous.databaseUrl;
    }
  });

  it("re-runs reach the same end state every time; other customers' rows are untouched", async () => {
    const runStartedAt = Date.now() - 60_000;
    log(`ERASURE_FAULT_SEED=${SEED} ERASURE_FAULT_NOW=${FIXTURE_NOW.toISOString()}`);
    const rng: Rng = createRng(`erasure-fault|${SEED}`);
    const shops = { micro: await requireShop("micro-image"), almaz: await requireShop("almaz") };

    // Other customers: in the same shops (one of them also waiting for its own erasure)
    // and in another shop.
    for (const [label, shop, scheduled] of [
      ["micro-image", "micro-image", false],
      ["almaz, scheduled for deletion", "almaz", true],
      ["allegra", "allegra", false],
    ] as const) {
      const viewer = await viewerWithHistory({ shop, orderCount: 6, seed: SEED, now: FIXTURE_NOW });
      const requestId = scheduled ? await scheduledInFuture(viewer) : "00000000-0000-0000-0000-000000000000";
      const customer = await getPrisma().customer.findUniqueOrThrow({ where: { id: viewer.customerId } });
      const closure = await capture({
        shop: viewer.shop,
        customerId: viewer.customerId,
        email: customer.email,
        requestId,
      });
      controls.push({ label, closure, rows: await closureRows(closure) });
    }

    // Where the runs of each shop's twins are killed, given the number of committed steps
    // of a whole run: step numbers count within the run that is killed ("start" is 0,
    // "finish" the last).
    const groups: { shop: ShopRef; faulted: number; plans: (total: number) => Plan[] }[] = [
      {
        // Kept under rules dated by each order (3 years from its end, or from the last
        // return): the rule chosen per row must not change with a resumed run.
        shop: shops.micro,
        faulted: 3,
        plans: (total) => {
          const first = rng.int(1, total - 4);
          return [
            { name: "killed at a random step", kills: [{ at: rng.int(1, total - 2) }] },
            {
              name: "killed at a random step, and again while resuming",
              kills: [{ at: first }, { at: rng.int(1, total - first - 2) }],
            },
            { name: "killed inside the last transaction", kills: [{ inFinish: true }] },
          ];
        },
      },
      {
        // Kept for 5 years from the account's closing (the start of erasure): a run
        // resumed later must count from the same date.
        shop: shops.almaz,
        faulted: 3,
        plans: (total) => [
          { name: "killed right after it started", kills: [{ at: 0 }] },
          { name: "killed at a random step", kills: [{ at: rng.int(1, total - 2) }] },
          { name: "killed after the last commit", kills: [{ at: total - 1 }] },
        ],
      },
    ];
    const twins = new Map<string, Closure[]>();
    for (const { shop, faulted } of groups) {
      const list: Closure[] = [];
      for (let i = 0; i <= faulted; i++) list.push(await createTwin(shop, i));
      twins.set(shop.handle, list);
    }
    ERASURE.batchSize = BATCH;

    for (const group of groups) {
      const { shop } = group;
      const [reference, ...faulted] = twins.get(shop.handle) ?? [];
      const context = `ERASURE_FAULT_SEED=${SEED} ERASURE_FAULT_NOW=${FIXTURE_NOW.toISOString()}, ${shop.handle}`;

      // The reference: the same erasure without a fault.
      const dbBefore = await dumpDatabase();
      const refBefore = await closureRows(reference);
      const { result, steps } = await runHere(reference.requestId);
      expect(result, context).toBe("erased");
      const expected = await endState(reference, runStartedAt);
      await expectOnlyClosureChanged(dbBefore, refBefore, reference, context);
      expect(expected.DeletionRequest.map((r) => r.status)).toEqual(["COMPLETED"]);
      expect(expected.Customer.map((r) => r.status)).toEqual(["ERASED"]);
      expect(expected.Order.length).toBe(ORDERS);
      // Every order detached from the account; recent ones kept under a rule.
      expect(expected.Order.every((o) => o.customerId === null)).toBe(true);
      expect(expected.Order.some((o) => o.retentionRule !== null)).toBe(true);
      expect(expected.Address).toEqual([]);
      expect(expected.SignInEvent).toEqual([]);
      expect(expected.AuditEventValue).toEqual([]);
      expect(expected.files).toEqual([{ exists: false }]);
      expect(expected.OutboundEmail.map((e) => e.kind)).toEqual(["erasure-receipt"]);
      // steps: "start", every batch and model, "finish".
      const total = steps.length;
      expect(steps[0]).toBe("start");
      expect(steps.at(-1)).toBe("finish");
      expect(total, "enough steps to kill at").toBeGreaterThan(20);

      const plans = group.plans(total);
      expect(plans.length).toBe(faulted.length);

      for (const [i, plan] of plans.entries()) {
        const twin = faulted[i];
        const where = `${context}, ${plan.name} (${JSON.stringify(plan.kills)} of ${total} steps)`;
        log(`${shop.handle}, ${plan.name}: ${JSON.stringify(plan.kills)} of ${total} steps`);
        const before = await dumpDatabase();
        const closureBefore = await closureRows(twin);
        if (!ON_POSTGRES) await closeDatabase();
        for (const kill of plan.kills) {
          const run = await runChild({
            ERASURE_REQUEST_ID: twin.requestId,
            ...("inFinish" in kill ? { ERASURE_KILL_IN_FINISH: "1" } : { ERASURE_KILL_AT: String(kill.at) }),
          });
          expect(run.signal, `${where}\n${run.out}\n${run.err}`).toBe("SIGKILL");
          if ("at" in kill) expect(run.steps.length, where).toBe(kill.at + 1);
          else expect(run.out, where).toContain("IN-FINISH");
        }
        // Opened again here (on PGlite: recovering from the crash).
        const status = await getPrisma().deletionRequest.findUniqueOrThrow({
          where: { id: twin.requestId },
          select: { status: true },
        });
        const completed = plan.kills.some((k) => "at" in k && k.at === total - 1);
        expect(status.status, where).toBe(completed ? "COMPLETED" : "ERASING");
        const rerun = await runHere(twin.requestId);
        expect(rerun.result, where).toBe(completed ? "nothing-to-do" : "erased");
        expect((await runHere(twin.requestId)).result, where).toBe("nothing-to-do");

        expect(await endState(twin, runStartedAt), where).toEqual(expected);
        await expectOnlyClosureChanged(before, closureBefore, twin, where);
      }
    }

    for (const control of controls) {
      expect(await closureRows(control.closure), `other customer (${control.label}) changed`).toEqual(control.rows);
    }
  }, 180_000);
});

// A database of this test's own on the PostgreSQL server of `url`.
async function createOwnPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(url);
  const name = `${admin.pathname.slice(1) || "test"}_fault_${randomBytes(4).toString("hex")}`.toLowerCase();
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`unexpected database name ${name}`);
  admin.pathname = "/postgres";
  const run = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const drop = async () => {
    // The app's pool ends its connections asynchronously: wait until the server has let
    // them go, so that dropping never kills a connection this process still listens on
    // (which would surface as an unhandled "terminating connection" error).
    for (let i = 0; i < 100; i++) {
      const [row] = await run<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [
        name,
      ]);
      if (row.n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return { url: own.toString(), drop };
}

async function requireShop(handle: string): Promise<ShopRef> {
  const shop = await findShop({ handle });
  if (!shop) throw new Error(`no shop ${handle}`);
  return shop;
}

async function scheduledInFuture(viewer: CustomerViewer): Promise<string> {
  const request = await requestAccountDeletion({
    viewer,
    input: { password: TEST_PASSWORD, confirmation: "DELETE" },
  });
  await confirmAccountDeletion({ viewer, input: { token: await deletionToken(viewer.customerId) } });
  return request.id;
}

// Rows that differ between two dumps of the whole database must all be the erased
// account's (as it was before, or as it is now).
async function expectOnlyClosureChanged(
  before: Map<string, string>,
  closureBefore: Snapshot,
  c: Closure,
  where: string,
): Promise<void> {
  const after = await dumpDatabase();
  const own = new Set([...keysOf(closureBefore), ...keysOf(await closureRows(c))]);
  const outside = changedKeys(before, after).filter((k) => !own.has(k));
  expect(outside, `${where}: rows outside the erased account changed`).toEqual([]);
}
