import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { getAuthSecret } from "../auth/secret";
import { getPrisma } from "../db";
import { enqueueJob, registerJobHandler } from "../jobs";
import { logEvent } from "../log";
import { type FileStorage, localStorage } from "../storage";
import type { ChainBreak, ChainHead } from "./chain";
import {
  type AuditCheckpoint,
  checkpointKey,
  checkpointSequences,
  compareWithCheckpoints,
  formatCheckpoint,
  isShopId,
  MAX_CHECKPOINT_BYTES,
  type ParsedCheckpoint,
  parseCheckpoint,
} from "./checkpoint-core";
import { type AuditChainReport, verifyAuditChain } from "./index";

// Checkpoints of each shop's audit chain head, kept outside the database, and the
// verifier that uses them (format and comparison: checkpoint-core.ts).
//
// The hash chain shows an edited, deleted or inserted event, but not that the newest
// events were removed: what is left is a shorter chain that verifies. So every 10
// minutes a job writes, for each shop whose head moved, a signed checkpoint file
// (shop, sequence, hash, time) to AUDIT_CHECKPOINT_DIR (default .data/audit-checkpoints).
// The folder is meant to live apart from the database (another disk, a mount with
// append-only or WORM retention, a copy shipped elsewhere): whoever can delete rows
// should not also be able to delete checkpoints.
//
// One file per checkpoint rather than an append-only file per shop, because:
// - it goes through the storage interface (server/storage) with commit-on-rename, so a
//   checkpoint is whole or absent; an append interrupted by a crash would leave a torn
//   line that reads exactly like a forged one;
// - an object store (the other implementation the interface is meant for) cannot
//   append, and its retention locks (WORM) work per object;
// - nothing is ever rewritten, so two app instances cannot lose each other's writes.
// The files are ~250 bytes and written only when the head moved: at most one per shop
// per 10 minutes.

export const AUDIT_CHECKPOINT_JOB = "audit.checkpoint";
export const AUDIT_CHECKPOINT_EVERY_MS = 10 * 60_000;

export function auditCheckpointDirectory(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.AUDIT_CHECKPOINT_DIR ??
      path.join(process.cwd(), ".data", "audit-checkpoints"),
  );
}

// `directory` and `secret` are for tests and the CLI; the app uses its own.
export type CheckpointOptions = { directory?: string; secret?: string };

type Resolved = { storage: FileStorage; directory: string; secret: string };

function resolve(options: CheckpointOptions): Resolved {
  const directory = options.directory ?? auditCheckpointDirectory();
  return { storage: localStorage(directory), directory, secret: options.secret ?? getAuthSecret() };
}

function checkShopId(shopId: string): string {
  if (!isShopId(shopId)) throw new Error("A shop id must be a lowercase UUID.");
  return shopId;
}

async function readText(storage: FileStorage, key: string): Promise<string | null> {
  const file = await storage.open(key);
  if (!file) return null;
  if (file.byteSize > MAX_CHECKPOINT_BYTES) {
    file.stream.destroy();
    return "";
  }
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

type StoredCheckpoint = { key: string; parsed: ParsedCheckpoint };

// The shop's checkpoint files, oldest first (by name, which starts with the time).
async function listKeys(storage: FileStorage, shopId: string): Promise<string[]> {
  return (await storage.list(shopId))
    .map((f) => f.key)
    .filter((key) => key.endsWith(".json"))
    .sort();
}

async function readCheckpoint(resolved: Resolved, key: string): Promise<StoredCheckpoint> {
  const text = await readText(resolved.storage, key);
  return { key, parsed: text === null ? { status: "MALFORMED" } : parseCheckpoint(text, resolved.secret) };
}

async function tableHead(shopId: string): Promise<ChainHead | null> {
  return getPrisma().auditEvent.findFirst({
    where: { shopId },
    orderBy: { sequence: "desc" },
    select: { sequence: true, hash: true },
  });
}

export type CheckpointResult = {
  shopId: string;
  // WRITTEN: a new checkpoint; UNCHANGED: the head is the last checkpoint's; EMPTY: no events.
  status: "WRITTEN" | "UNCHANGED" | "EMPTY";
  head: ChainHead | null;
  // The key of the checkpoint written, if any.
  key: string | null;
  // False when the table no longer holds the event the last checkpoint recorded (the
  // newest events were removed or rewritten): found here within one interval, and
  // logged; the verifier reports the details.
  isConsistent: boolean;
};

// Writes a checkpoint of the shop's current head unless the last checkpoint already
// has it. Idempotent: a job that runs twice writes at most one file for one head.
export async function checkpointAuditChain(
  options: { shopId: string; now?: Date } & CheckpointOptions,
): Promise<CheckpointResult> {
  const shopId = checkShopId(options.shopId);
  const resolved = resolve(options);
  const head = await tableHead(shopId);
  // The last valid checkpoint of this shop, newest name first (normally the first read).
  let last: AuditCheckpoint | null = null;
  for (const key of (await listKeys(resolved.storage, shopId)).reverse()) {
    const { parsed } = await readCheckpoint(resolved, key);
    if (parsed.status === "VALID" && parsed.checkpoint.shopId === shopId) {
      last = parsed.checkpoint;
      break;
    }
  }
  let isConsistent = true;
  if (last) {
    const recorded =
      head && head.sequence >= last.sequence
        ? await getPrisma().auditEvent.findUnique({
            where: { shopId_sequence: { shopId, sequence: last.sequence } },
            select: { hash: true },
          })
        : null;
    isConsistent = recorded?.hash === last.hash;
    if (!isConsistent) logEvent("error", { event: "audit.checkpoint-mismatch", shop: shopId, count: last.sequence });
  }
  if (!head) return { shopId, status: "EMPTY", head: null, key: null, isConsistent };
  if (last && last.sequence === head.sequence && last.hash === head.hash) {
    return { shopId, status: "UNCHANGED", head, key: null, isConsistent };
  }
  const checkpoint = { shopId, sequence: head.sequence, hash: head.hash, createdAt: options.now ?? new Date() };
  const key = checkpointKey(checkpoint);
  const writer = await resolved.storage.create(key);
  try {
    writer.stream.write(formatCheckpoint(checkpoint, resolved.secret));
    await writer.commit();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return { shopId, status: "WRITTEN", head, key, isConsistent };
}

// Checkpoints every shop; the recurring job's work.
export async function checkpointAllShops(
  options: { now?: Date; heartbeat?: () => Promise<void> } & CheckpointOptions = {},
): Promise<CheckpointResult[]> {
  const shops = await getPrisma().shop.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const results: CheckpointResult[] = [];
  for (const [i, shop] of shops.entries()) {
    results.push(await checkpointAuditChain({ ...options, shopId: shop.id }));
    if (i % 50 === 49) await options.heartbeat?.();
  }
  return results;
}

registerJobHandler(AUDIT_CHECKPOINT_JOB, {
  async run(context) {
    await checkpointAllShops({ heartbeat: context.heartbeat });
  },
  nextRunAt: (now) => new Date(now.getTime() + AUDIT_CHECKPOINT_EVERY_MS),
});

export async function scheduleAuditCheckpoints(): Promise<void> {
  await enqueueJob(getPrisma(), { kind: AUDIT_CHECKPOINT_JOB, key: "all" });
}

// Shops that have a checkpoint folder, so the verifier also sees a shop whose every
// row is gone. (A local-folder listing: the storage interface lists files, not folders.)
export async function listCheckpointedShopIds(options: { directory?: string } = {}): Promise<string[]> {
  const entries = await readdir(options.directory ?? auditCheckpointDirectory(), { withFileTypes: true }).catch(
    () => [],
  );
  return entries
    .filter((e) => e.isDirectory() && isShopId(e.name))
    .map((e) => e.name)
    .sort();
}

// From the chain itself (HASH: an event edited; MISSING: one deleted; LINK: one replaced
// or inserted), or from a checkpoint (the event it recorded is gone or different, though
// the chain may verify: rewritten from there with fresh hashes).
export type AuditEventProblem = { kind: ChainBreak; sequence: number; source: "chain" | "checkpoint" };

export type AuditLogProblem =
  | AuditEventProblem
  // The newest events fromSequence..toSequence were removed: a checkpoint recorded them.
  | { kind: "TRUNCATED"; fromSequence: number; toSequence: number }
  // A file in the shop's checkpoint folder that does not count: not a checkpoint
  // (MALFORMED), a MAC that does not match (BAD_SIGNATURE: forged or altered), or a
  // genuine checkpoint of another shop (OTHER_SHOP: moved here).
  | { kind: "BAD_CHECKPOINT"; key: string; reason: "MALFORMED" | "BAD_SIGNATURE" | "OTHER_SHOP" };

export type AuditLogReport = {
  shopId: string;
  isValid: boolean;
  chain: AuditChainReport;
  // The newest event in the table, whether or not the chain verifies up to it.
  tableHead: ChainHead | null;
  checkpoints: { valid: number; invalid: number; newest: ChainHead | null };
  problems: AuditLogProblem[];
};

const LOOKUP_BATCH = 1000;

// Verifies the shop's chain and compares the table with every checkpoint whose MAC is
// valid. Ids, sequences and hashes only: nothing personal is read or reported.
export async function verifyAuditLog(options: { shopId: string } & CheckpointOptions): Promise<AuditLogReport> {
  const shopId = checkShopId(options.shopId);
  const resolved = resolve(options);
  const chain = await verifyAuditChain({ shopId });
  const head = await tableHead(shopId);
  const chainProblem: AuditEventProblem | null =
    !chain.isValid && chain.reason && chain.firstBrokenSequence !== null
      ? { kind: chain.reason, sequence: chain.firstBrokenSequence, source: "chain" }
      : null;

  const valid: AuditCheckpoint[] = [];
  const badFiles: AuditLogProblem[] = [];
  for (const key of await listKeys(resolved.storage, shopId)) {
    const { parsed } = await readCheckpoint(resolved, key);
    if (parsed.status === "VALID" && parsed.checkpoint.shopId === shopId) valid.push(parsed.checkpoint);
    else
      badFiles.push({ kind: "BAD_CHECKPOINT", key, reason: parsed.status === "VALID" ? "OTHER_SHOP" : parsed.status });
  }

  const headSequence = head?.sequence ?? 0;
  const hashes = new Map<number, string>();
  const sequences = checkpointSequences(valid, headSequence);
  for (let i = 0; i < sequences.length; i += LOOKUP_BATCH) {
    const rows = await getPrisma().auditEvent.findMany({
      where: { shopId, sequence: { in: sequences.slice(i, i + LOOKUP_BATCH) } },
      select: { sequence: true, hash: true },
    });
    for (const row of rows) hashes.set(row.sequence, row.hash);
  }
  const fromCheckpoints = compareWithCheckpoints({ tableHead: headSequence, hashes, checkpoints: valid })
    .map((f): AuditLogProblem => (f.kind === "TRUNCATED" ? f : { ...f, source: "checkpoint" }))
    // What the chain already reported (the same kind at the same sequence) is not repeated.
    .filter((p) => !(p.kind === chainProblem?.kind && "sequence" in p && p.sequence === chainProblem.sequence));
  const problems = [...(chainProblem ? [chainProblem] : []), ...fromCheckpoints, ...badFiles];

  const newest = valid.reduce<AuditCheckpoint | null>((a, c) => (!a || c.sequence > a.sequence ? c : a), null);
  return {
    shopId,
    isValid: problems.length === 0,
    chain,
    tableHead: head,
    checkpoints: {
      valid: valid.length,
      invalid: badFiles.length,
      newest: newest ? { sequence: newest.sequence, hash: newest.hash } : null,
    },
    problems,
  };
}
