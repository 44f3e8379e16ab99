import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordAuditEvent, verifyAuditChain } from "@/server/audit";
import {
  AUDIT_CHECKPOINT_EVERY_MS,
  AUDIT_CHECKPOINT_JOB,
  auditCheckpointDirectory,
  checkpointAuditChain,
  listCheckpointedShopIds,
  scheduleAuditCheckpoints,
  verifyAuditLog,
} from "@/server/audit/checkpoint";
import { formatCheckpoint } from "@/server/audit/checkpoint-core";
import { type Database, getDatabase, getPrisma, openDatabase, type PrismaClient } from "@/server/db";
import { applyMigrations } from "@/server/db/migrate";
import { getJob, runDueJobs } from "@/server/jobs";

// Checkpoints of the audit chain's head, kept outside the database, make the removal of
// the newest events visible (the shorter chain still verifies on its own); with them the
// verifier tells edits, deletions inside the chain, truncation and forged checkpoints
// apart. Every test has its own shop and its own checkpoint folder.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SECRET = "integration-test-secret-0123456789abcdefghij";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "pc-audit-cp-test-"));

async function appendEvents(prisma: PrismaClient, shopId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, {
        shopId,
        customerId: null,
        actorType: "SYSTEM",
        actorId: null,
        action: "test.checkpoint",
        details: { n: i },
      }),
    );
  }
}

async function shopWithEvents(count: number, prisma: PrismaClient = getPrisma()): Promise<string> {
  const shop = await prisma.shop.create({
    data: { handle: `audit-cp-${randomUUID()}`, name: "Audit checkpoint test" },
    select: { id: true },
  });
  await appendEvents(prisma, shop.id, count);
  return shop.id;
}

// What only a database owner can do: the append-only trigger is skipped for this one
// transaction (session_replication_role), so tests running alongside on the same
// PostgreSQL database keep their trigger.
async function tamper(sql: string, db: Database = getDatabase()): Promise<void> {
  await db.raw.exec(`BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT;`);
}

const where = (shopId: string, condition: string) => `"shopId" = '${shopId}' AND ${condition}`;

const hashAt = async (shopId: string, sequence: number) =>
  (await getPrisma().auditEvent.findUniqueOrThrow({ where: { shopId_sequence: { shopId, sequence } } })).hash;

const filesOf = (directory: string, shopId: string) =>
  readdirSync(path.join(directory, shopId))
    .sort()
    .map((name) => path.join(directory, shopId, name));

describe("audit checkpoints", () => {
  it("are written only when the head moved, and a log matching them verifies", async () => {
    const options = { directory: freshDir(), secret: SECRET };
    const shopId = await shopWithEvents(3);

    const first = await checkpointAuditChain({ ...options, shopId });
    expect(first).toEqual({
      shopId,
      status: "WRITTEN",
      head: { sequence: 3, hash: await hashAt(shopId, 3) },
      key: expect.stringMatching(new RegExp(`^${shopId}/\\d{4}-\\d{2}-\\d{2}T\\d{6}\\.\\d{3}Z-3\\.json$`)),
      isConsistent: true,
    });
    expect(await checkpointAuditChain({ ...options, shopId })).toMatchObject({ status: "UNCHANGED", key: null });
    expect(filesOf(options.directory, shopId)).toHaveLength(1);
    const [file] = filesOf(options.directory, shopId);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ shopId, sequence: 3, hash: first.head?.hash });

    await appendEvents(getPrisma(), shopId, 2);
    expect(await checkpointAuditChain({ ...options, shopId })).toMatchObject({
      status: "WRITTEN",
      head: { sequence: 5 },
    });
    expect(filesOf(options.directory, shopId)).toHaveLength(2);

    const report = await verifyAuditLog({ ...options, shopId });
    expect(report).toEqual({
      shopId,
      isValid: true,
      chain: await verifyAuditChain({ shopId }),
      tableHead: { sequence: 5, hash: await hashAt(shopId, 5) },
      checkpoints: { valid: 2, invalid: 0, newest: { sequence: 5, hash: await hashAt(shopId, 5) } },
      problems: [],
    });
  });

  it("are not needed for a shop without events, and a shop without checkpoints verifies by its chain", async () => {
    const options = { directory: freshDir(), secret: SECRET };
    const empty = await shopWithEvents(0);
    expect(await checkpointAuditChain({ ...options, shopId: empty })).toMatchObject({ status: "EMPTY", key: null });
    expect(await verifyAuditLog({ ...options, shopId: empty })).toMatchObject({ isValid: true, problems: [] });
    const unchecked = await shopWithEvents(2);
    expect(await verifyAuditLog({ ...options, shopId: unchecked })).toMatchObject({
      isValid: true,
      checkpoints: { valid: 0, invalid: 0, newest: null },
    });
  });

  it("reveal the newest events removed (TRUNCATED, with the missing range), which the chain alone cannot", async () => {
    const options = { directory: freshDir(), secret: SECRET };
    const shopId = await shopWithEvents(3);
    await checkpointAuditChain({ ...options, shopId });
    await appendEvents(getPrisma(), shopId, 3);
    await checkpointAuditChain({ ...options, shopId });

    await tamper(`DELETE FROM "AuditEvent" WHERE ${where(shopId, `"sequence" > 4`)}`);
    expect(await verifyAuditChain({ shopId })).toMatchObject({ isValid: true, checked: 4 });
    const report = await verifyAuditLog({ ...options, shopId });
    expect(report).toMatchObject({
      isValid: false,
      tableHead: { sequence: 4 },
      checkpoints: { valid: 2, invalid: 0, newest: { sequence: 6 } },
      problems: [{ kind: "TRUNCATED", fromSequence: 5, toSequence: 6 }],
    });

    // The next checkpoint run notices at once; the new checkpoint of the shorter head
    // does not hide the removal.
    expect(await checkpointAuditChain({ ...options, shopId })).toMatchObject({
      status: "WRITTEN",
      head: { sequence: 4 },
      isConsistent: false,
    });
    expect((await verifyAuditLog({ ...options, shopId })).problems).toEqual([
      { kind: "TRUNCATED", fromSequence: 5, toSequence: 6 },
    ]);

    // Nor does growing the chain again past the old head: events 5 and 6 are not the
    // ones the checkpoint recorded.
    await appendEvents(getPrisma(), shopId, 3);
    expect(await verifyAuditChain({ shopId })).toMatchObject({ isValid: true, checked: 7 });
    expect((await verifyAuditLog({ ...options, shopId })).problems).toEqual([
      { kind: "HASH", sequence: 6, source: "checkpoint" },
    ]);
  });

  it("see every event removed", async () => {
    const options = { directory: freshDir(), secret: SECRET };
    const shopId = await shopWithEvents(2);
    await checkpointAuditChain({ ...options, shopId });
    await tamper(`DELETE FROM "AuditEvent" WHERE ${where(shopId, "true")}`);
    expect(await verifyAuditLog({ ...options, shopId })).toMatchObject({
      isValid: false,
      tableHead: null,
      problems: [{ kind: "TRUNCATED", fromSequence: 1, toSequence: 2 }],
    });
    expect(await listCheckpointedShopIds(options)).toEqual([shopId]);
  });

  it("tell an edited event (HASH), a deleted one (MISSING) and a replaced link (LINK) from truncation", async () => {
    const options = { directory: freshDir(), secret: SECRET };
    const edited = await shopWithEvents(4);
    const deleted = await shopWithEvents(2);
    const relinked = await shopWithEvents(4);
    await checkpointAuditChain({ ...options, shopId: deleted });
    await appendEvents(getPrisma(), deleted, 2);
    for (const shopId of [edited, deleted, relinked]) await checkpointAuditChain({ ...options, shopId });

    await tamper(`UPDATE "AuditEvent" SET "details" = '{"n":99}' WHERE ${where(edited, `"sequence" = 2`)}`);
    await tamper(`DELETE FROM "AuditEvent" WHERE ${where(deleted, `"sequence" = 2`)}`);
    await tamper(`UPDATE "AuditEvent" SET "prevHash" = repeat('0', 64) WHERE ${where(relinked, `"sequence" = 3`)}`);

    expect((await verifyAuditLog({ ...options, shopId: edited })).problems).toEqual([
      { kind: "HASH", sequence: 2, source: "chain" },
    ]);
    // Event 2 was also a checkpoint's head: reported once.
    expect((await verifyAuditLog({ ...options, shopId: deleted })).problems).toEqual([
      { kind: "MISSING", sequence: 2, source: "chain" },
    ]);
    expect((await verifyAuditLog({ ...options, shopId: relinked })).problems).toEqual([
      { kind: "LINK", sequence: 3, source: "chain" },
    ]);
  });

  it("report a chain rewritten from some point with fresh hashes, which verifies on its own", async () => {
    const options = { directory: freshDir(), secret: SECRET };
    const shopId = await shopWithEvents(3);
    await checkpointAuditChain({ ...options, shopId });
    // Events 2 and 3 deleted and written again through the normal path: a valid chain.
    await tamper(`DELETE FROM "AuditEvent" WHERE ${where(shopId, `"sequence" >= 2`)}`);
    await appendEvents(getPrisma(), shopId, 2);
    expect((await verifyAuditChain({ shopId })).isValid).toBe(true);
    expect((await verifyAuditLog({ ...options, shopId })).problems).toEqual([
      { kind: "HASH", sequence: 3, source: "checkpoint" },
    ]);
  });

  it("report an altered, forged or damaged checkpoint file, which then counts for nothing", async () => {
    const options = { directory: freshDir(), secret: SECRET };
    const shopId = await shopWithEvents(3);
    await checkpointAuditChain({ ...options, shopId });
    const [file] = filesOf(options.directory, shopId);
    const key = `${shopId}/${path.basename(file)}`;
    // Claims more events than there are: were it believed, it would read as truncation.
    const json = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...json, sequence: 9 }));
    const forged = formatCheckpoint(
      { shopId, sequence: 9, hash: "f".repeat(64), createdAt: new Date() },
      "another-secret-0123456789abcdefghijklmnop",
    );
    writeFileSync(path.join(options.directory, shopId, "forged.json"), forged);
    writeFileSync(path.join(options.directory, shopId, "zz-damaged.json"), forged.slice(0, 50));

    const report = await verifyAuditLog({ ...options, shopId });
    expect(report).toMatchObject({ isValid: false, checkpoints: { valid: 0, invalid: 3, newest: null } });
    expect(report.problems).toEqual([
      { kind: "BAD_CHECKPOINT", key, reason: "BAD_SIGNATURE" },
      { kind: "BAD_CHECKPOINT", key: `${shopId}/forged.json`, reason: "BAD_SIGNATURE" },
      { kind: "BAD_CHECKPOINT", key: `${shopId}/zz-damaged.json`, reason: "MALFORMED" },
    ]);
    // With another secret, genuine checkpoints do not verify either.
    expect(
      (await verifyAuditLog({ ...options, secret: "rotated-secret-0123456789abcdefghijklmnop", shopId })).checkpoints,
    ).toMatchObject({ valid: 0, invalid: 3 });
  });

  it("of another shop cannot stand for this shop's", async () => {
    const options = { directory: freshDir(), secret: SECRET };
    const mine = await shopWithEvents(2);
    const other = await shopWithEvents(5);
    await checkpointAuditChain({ ...options, shopId: other });
    const [file] = filesOf(options.directory, other);
    const text = readFileSync(file, "utf8");
    // Copied as is, it is recognised as the other shop's (and does not read as a
    // truncation of this shop); with the shop id changed, its signature breaks.
    mkdirSync(path.join(options.directory, mine));
    writeFileSync(path.join(options.directory, mine, "copied.json"), text);
    writeFileSync(path.join(options.directory, mine, "renamed.json"), text.replace(other, mine));

    const report = await verifyAuditLog({ ...options, shopId: mine });
    expect(report).toMatchObject({ isValid: false, checkpoints: { valid: 0, invalid: 2, newest: null } });
    expect(report.problems).toEqual([
      { kind: "BAD_CHECKPOINT", key: `${mine}/copied.json`, reason: "OTHER_SHOP" },
      { kind: "BAD_CHECKPOINT", key: `${mine}/renamed.json`, reason: "BAD_SIGNATURE" },
    ]);
    expect((await verifyAuditLog({ ...options, shopId: other })).isValid).toBe(true);
  });

  it("are written for every shop by the recurring audit.checkpoint job, into AUDIT_CHECKPOINT_DIR", async () => {
    const shopId = await shopWithEvents(2);
    await scheduleAuditCheckpoints();
    const before = Date.now();
    // Due now on a fresh database; `now` past one interval also runs it on a database
    // an earlier test run left it queued in.
    const now = new Date(before + AUDIT_CHECKPOINT_EVERY_MS + 60_000);
    expect(await runDueJobs({ kinds: [AUDIT_CHECKPOINT_JOB], now, limit: 1 })).toMatchObject({ ran: 1, succeeded: 1 });
    const job = await getJob({ kind: AUDIT_CHECKPOINT_JOB, key: "all" });
    expect(job?.status).toBe("QUEUED");
    expect(job?.runAt.getTime()).toBeGreaterThanOrEqual(before + AUDIT_CHECKPOINT_EVERY_MS);
    // The test setup points AUDIT_CHECKPOINT_DIR at this file's temporary folder.
    expect(auditCheckpointDirectory().startsWith(tmpdir())).toBe(true);
    expect(filesOf(auditCheckpointDirectory(), shopId)).toHaveLength(1);
    expect(await verifyAuditLog({ shopId })).toMatchObject({
      isValid: true,
      checkpoints: { valid: 1, newest: { sequence: 2 } },
    });
  });
});

describe("npm run audit:verify", () => {
  type CliRun = { code: number | null; out: string; err: string };

  function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts", ...args],
        { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
      );
      let out = "";
      let err = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        err += chunk.toString();
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, out, err }));
    });
  }

  it("checkpoints when asked, exits 0 on a sound log and 1 on a truncated one", { timeout: 90_000 }, async () => {
    const directory = freshDir();
    const env: Record<string, string> = { AUDIT_CHECKPOINT_DIR: directory, NEXTAUTH_SECRET: SECRET };
    // On PostgreSQL the child opens this same database; the embedded database can only
    // be open in one process, so the child gets one on disk that this process closes.
    let withDb = async (work: (db: Database) => Promise<void>) => work(getDatabase());
    if (!process.env.DATABASE_URL) {
      env.PGLITE_DIR = path.join(freshDir(), "pglite");
      withDb = async (work) => {
        const saved = process.env.PGLITE_DIR;
        process.env.PGLITE_DIR = env.PGLITE_DIR;
        const db = openDatabase();
        process.env.PGLITE_DIR = saved;
        try {
          await work(db);
        } finally {
          await db.close();
        }
      };
    }
    let shopId = "";
    await withDb(async (db) => {
      if (db !== getDatabase()) await applyMigrations(db.raw);
      shopId = await shopWithEvents(3, db.prisma);
    });

    const sound = await runCli(["--checkpoint", "--shop", shopId], env);
    expect(sound.err).toBe("");
    expect(sound.out).toMatch(new RegExp(`^OK   ${shopId} head=3:[0-9a-f]{12} .*checkpoint=written\\n`));
    expect(sound.out).toContain("Verified 1 shop(s): 1 OK, 0 with problems.");
    expect(sound.code).toBe(0);

    await withDb((db) => tamper(`DELETE FROM "AuditEvent" WHERE ${where(shopId, `"sequence" = 3`)}`, db));
    const truncated = await runCli(["--shop", shopId], env);
    expect(truncated.out).toMatch(new RegExp(`^FAIL ${shopId} head=2:[0-9a-f]{12} .* :: TRUNCATED 3-3\\n`));
    expect(truncated.out).toContain("Verified 1 shop(s): 0 OK, 1 with problems.");
    expect(truncated.code).toBe(1);

    expect((await runCli(["--shop", "not-a-shop"], env)).code).toBe(2);
  });
});
