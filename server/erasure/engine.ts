import "server-only";
import { type Anonymisation, type PersonalModel, personalModels } from "../data-map";
import { ownerSql, quote } from "../data-map/owner-sql";
import { getPrisma, type Prisma } from "../db";
import type { ShopRef } from "../tenants";
import {
  chosenRuleSql,
  type ErasureAnchors,
  type ModelPlan,
  modelPlan,
  type PlanEntry,
  planEntries,
  planQueries,
  RETAINABLE,
  retainColumns,
} from "./plan";

// The erasure engine: carries out a confirmed deletion request, driven by the data map.
// Every step is idempotent and works in short batches, each its own transaction (no
// statement holds locks for long, whatever the account's size), and what it depends on
// (the dates retention counts from, the plan, the receipt address) is fixed in the
// request row before anything is changed. So a crash at any point, and a re-run, reach
// the same end state.

// The database as the engine sees it: raw statements and transactions. The benchmark
// wraps it to count statements and time transactions.
export type ErasureDb = {
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  execute(sql: string, ...params: unknown[]): Promise<number>;
  transaction<T>(fn: (db: ErasureDb) => Promise<T>): Promise<T>;
};

function fromClient(client: Prisma.TransactionClient | ReturnType<typeof getPrisma>, isTx: boolean): ErasureDb {
  const db: ErasureDb = {
    query: (sql, ...params) => client.$queryRawUnsafe(sql, ...params),
    execute: (sql, ...params) => client.$executeRawUnsafe(sql, ...params),
    transaction: (fn) =>
      isTx ? fn(db) : (client as ReturnType<typeof getPrisma>).$transaction((tx) => fn(fromClient(tx, true))),
  };
  return db;
}

export function prismaErasureDb(): ErasureDb {
  return fromClient(getPrisma(), false);
}

export const ERASURE = {
  // Rows per statement: small enough that each batch commits well inside a second.
  batchSize: 2000,
  // For the fault tests: called after every committed step ("start" once the request is
  // ERASING, "batch", each model's step, "finish"); a test kills the process (or throws)
  // from here. `inFinish` runs inside the last step's transaction, before it commits.
  testHooks: {
    afterStep: null as null | ((step: string) => void | Promise<void>),
    inFinish: null as null | (() => void | Promise<void>),
  },
};

// Reads the account's anchor dates. Called once, before any change.
export async function readAnchors(
  db: ErasureDb,
  customerId: string,
  shopId: string,
  closedAt: Date,
): Promise<ErasureAnchors> {
  const [row] = await db.query<{ lastOrderAt: Date | null; lastReturnAt: Date | null; lastSignInAt: Date | null }>(
    `SELECT
       (SELECT max("placedAt") FROM "Order" WHERE "customerId" = $1::uuid AND "shopId" = $2::uuid) AS "lastOrderAt",
       (SELECT max("placedAt") FROM "Order" WHERE "customerId" = $1::uuid AND "shopId" = $2::uuid AND "status" = 'RETURNED') AS "lastReturnAt",
       (SELECT max("at") FROM "SignInEvent" WHERE "customerId" = $1::uuid AND "shopId" = $2::uuid AND "isSuccessful") AS "lastSignInAt"`,
    customerId,
    shopId,
  );
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    closedAt: closedAt.toISOString(),
    lastOrderAt: iso(row.lastOrderAt),
    lastReturnAt: iso(row.lastReturnAt),
    lastActivityAt: iso(row.lastSignInAt) ?? closedAt.toISOString(),
  };
}

// What erasure will do, counted now: for the page (anchors of the planned date) and,
// fixed at the start, for the receipt.
export async function computePlan(
  db: ErasureDb,
  options: { shop: ShopRef; customerId: string; anchors: ErasureAnchors },
): Promise<PlanEntry[]> {
  const queries = planQueries(options.shop.profile, options.anchors);
  const results = await Promise.all(
    queries.map((q) =>
      db.query<{ rule: string | null; count: number; earliest: unknown; latest: unknown }>(
        q.sql,
        options.customerId,
        options.shop.id,
      ),
    ),
  );
  return queries.flatMap((q, i) => planEntries(options.shop.profile, q, results[i]));
}

// Models in the order erasure visits them: children before the rows they point at, the
// account itself last.
export function erasureOrder(): PersonalModel[] {
  return [...personalModels()].reverse();
}

export function placeholderSql(value: Anonymisation["placeholders"][string]): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  return value.sql;
}

// One model, batch by batch until nothing of the customer is left to change.
async function eraseModel(
  db: ErasureDb,
  entry: PersonalModel,
  plan: ModelPlan,
  params: [string, string],
  onBatch: () => Promise<void>,
): Promise<void> {
  const table = quote(entry.model);
  const owner = ownerSql(entry);
  const limit = ERASURE.batchSize;
  const loop = async (sql: string) => {
    for (;;) {
      const changed = await db.execute(sql, ...params);
      await onBatch();
      if (changed < limit) return;
    }
  };
  switch (plan.kind) {
    case "delete":
      return loop(`DELETE FROM ${table} WHERE "id" IN (SELECT "id" FROM ${table} WHERE ${owner} LIMIT ${limit})`);
    case "retain":
      // Each batch takes rows that a rule keeps past the account's closing...
      await loop(
        `UPDATE ${table} t SET "customerId" = NULL, "retentionRule" = k.rule, "retainedUntil" = k.until
           FROM (SELECT b."id", r.rule, r.until
                   FROM (SELECT ${retainColumns(entry.model)} FROM ${table} WHERE ${owner}) b ${chosenRuleSql(plan)}
                  LIMIT ${limit}) k
          WHERE t."id" = k."id"`,
      );
      // ...then the rows whose every rule ended before it get what the data map does
      // without a rule (deleted, or anonymised and detached), as the sweep would.
      return eraseModel(db, entry, plan.otherwise, params, onBatch);
    case "anonymise": {
      const sets = Object.entries(plan.anonymisation.placeholders).map(
        ([field, value]) => `${quote(field)} = ${placeholderSql(value)}`,
      );
      // Cuts the customer link where the owner column allows it: the retainable models
      // (not the append-only ledgers, whose rows then point at the tombstone).
      const detach = entry.model in RETAINABLE && entry.owner.kind === "column";
      if (detach) sets.push(`${quote((entry.owner as { column: string }).column)} = NULL`);
      if (!sets.length) return;
      if (entry.owner.kind === "self" || !detach) {
        // The account row (or rows that keep their link): one statement, idempotent.
        await db.execute(`UPDATE ${table} SET ${sets.join(", ")} WHERE ${owner}`, ...params);
        await onBatch();
        return;
      }
      return loop(
        `UPDATE ${table} SET ${sets.join(", ")} WHERE "id" IN (SELECT "id" FROM ${table} WHERE ${owner} LIMIT ${limit})`,
      );
    }
    case "follow-parent":
    case "keep":
      return;
  }
}

export type EraseSteps = {
  // Deletes the stored files of the customer's exports (before their rows go).
  deleteFiles(db: ErasureDb): Promise<void>;
  // The last step, in one transaction: receipt, notices, audit event, COMPLETED.
  finish(db: ErasureDb): Promise<void>;
};

// Runs every model step for a request that is ERASING, skipping models an earlier run
// finished (the request's `step` names the last one).
export async function eraseAccount(
  db: ErasureDb,
  options: {
    requestId: string;
    shop: ShopRef;
    customerId: string;
    anchors: ErasureAnchors;
    lastStep: string | null;
    steps: EraseSteps;
    heartbeat?: () => Promise<void>;
  },
): Promise<void> {
  const params: [string, string] = [options.customerId, options.shop.id];
  const models = new Map(erasureOrder().map((e) => [`model:${e.model}`, e]));
  const order = ["files", ...models.keys(), "finish"];
  let from = options.lastStep ? order.indexOf(options.lastStep) + 1 : 0;
  if (from < 0) from = 0;
  const markStep = async (step: string) => {
    await db.execute(`UPDATE "DeletionRequest" SET "step" = $1 WHERE "id" = $2::uuid`, step, options.requestId);
    await ERASURE.testHooks.afterStep?.(step);
  };
  const onBatch = async () => {
    await ERASURE.testHooks.afterStep?.("batch");
    await options.heartbeat?.();
  };
  for (const step of order.slice(from)) {
    if (step === "files") {
      await options.steps.deleteFiles(db);
      await markStep(step);
    } else if (step === "finish") {
      await options.steps.finish(db);
      await ERASURE.testHooks.afterStep?.(step);
    } else {
      const entry = models.get(step);
      if (!entry) continue;
      await eraseModel(db, entry, modelPlan(entry, options.shop.profile, options.anchors), params, onBatch);
      await markStep(step);
    }
  }
}
