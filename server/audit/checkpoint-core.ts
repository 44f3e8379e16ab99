import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { derivedKey } from "../auth/derived-key";
import { canonicalJson } from "./chain";

// The pure part of audit checkpoints (server/audit/checkpoint.ts): the signed file
// format and the comparison of a shop's table with its checkpoints. No database or file
// system here, so it is unit tested on its own (test/unit/audit-checkpoint.test.ts).
//
// A checkpoint says "at `createdAt`, the newest event of shop `shopId` was `sequence`
// with hash `hash`". Kept outside the database, it lets the verifier see what the chain
// alone cannot: the newest events deleted (the shorter chain still verifies), or the
// chain rewritten from some point with freshly computed hashes.
//
// The MAC key is derived from the app secret with a label of its own (as the
// unsubscribe links do), so a checkpoint MAC cannot be confused with any other MAC the
// app makes. Whoever holds the app secret can sign checkpoints: they protect against
// tampering with the database (a database superuser, a restored backup), not against
// someone who also controls the app's secret and the checkpoint folder.

export type AuditCheckpoint = { shopId: string; sequence: number; hash: string; createdAt: Date };

const VERSION = 1;
const KEY_LABEL = "privacy-centre/audit-checkpoint/v1";
// A checkpoint file is about 250 bytes; anything much larger is not one of ours.
export const MAX_CHECKPOINT_BYTES = 4096;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HASH = /^[0-9a-f]{64}$/;

export const isShopId = (value: string) => UUID.test(value);

const macKey = (secret: string): Buffer => derivedKey(secret, KEY_LABEL);

// What the MAC covers: every field, in canonical JSON, so no field can be changed or
// moved to another shop without breaking it.
function signedBody(checkpoint: AuditCheckpoint): string {
  return canonicalJson({
    version: VERSION,
    shopId: checkpoint.shopId,
    sequence: checkpoint.sequence,
    hash: checkpoint.hash,
    createdAt: checkpoint.createdAt.toISOString(),
  });
}

const mac = (checkpoint: AuditCheckpoint, secret: string) =>
  createHmac("sha256", macKey(secret)).update(signedBody(checkpoint)).digest();

// The file's text: one JSON object on one line.
export function formatCheckpoint(checkpoint: AuditCheckpoint, secret: string): string {
  if (!UUID.test(checkpoint.shopId)) throw new Error("A shop id must be a lowercase UUID.");
  if (!Number.isSafeInteger(checkpoint.sequence) || checkpoint.sequence < 1) throw new Error("Not a sequence.");
  if (!HASH.test(checkpoint.hash)) throw new Error("Not an audit event hash.");
  const body = JSON.parse(signedBody(checkpoint)) as Record<string, unknown>;
  return `${JSON.stringify({ ...body, mac: mac(checkpoint, secret).toString("base64url") })}\n`;
}

const fileSchema = z
  .object({
    version: z.literal(VERSION),
    shopId: z.string().regex(UUID),
    sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    hash: z.string().regex(HASH),
    createdAt: z.iso.datetime(),
    mac: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strict();

export type ParsedCheckpoint =
  | { status: "VALID"; checkpoint: AuditCheckpoint }
  // Not a checkpoint file at all (damaged, truncated, or not JSON of this shape).
  | { status: "MALFORMED" }
  // Well-formed, but the MAC does not match: forged, altered, or signed with another secret.
  | { status: "BAD_SIGNATURE" };

export function parseCheckpoint(text: string, secret: string): ParsedCheckpoint {
  if (Buffer.byteLength(text) > MAX_CHECKPOINT_BYTES) return { status: "MALFORMED" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: "MALFORMED" };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return { status: "MALFORMED" };
  const { shopId, sequence, hash, createdAt } = parsed.data;
  const checkpoint = { shopId, sequence, hash, createdAt: new Date(createdAt) };
  // The ISO text must round-trip, or the MAC would be checked over another text.
  if (checkpoint.createdAt.toISOString() !== createdAt) return { status: "MALFORMED" };
  const given = Buffer.from(parsed.data.mac, "base64url");
  const expected = mac(checkpoint, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: "BAD_SIGNATURE" };
  return { status: "VALID", checkpoint };
}

// Where a checkpoint is stored, relative to the checkpoint folder: one folder per shop,
// names that sort by time (fixed-width ISO time first), then the sequence for people
// reading the folder. Only the file's signed content counts; the name is not trusted.
export function checkpointKey(checkpoint: AuditCheckpoint): string {
  const time = checkpoint.createdAt.toISOString().replace(/:/g, "");
  return `${checkpoint.shopId}/${time}-${checkpoint.sequence}.json`;
}

export type CheckpointFinding =
  // The table ends before the newest checkpoint: its newest events were removed.
  | { kind: "TRUNCATED"; fromSequence: number; toSequence: number }
  // The event a checkpoint recorded is gone, though later events are still there.
  | { kind: "MISSING"; sequence: number }
  // The event at a checkpoint's sequence is not the one recorded (edited, or the chain
  // was rewritten from there with fresh hashes).
  | { kind: "HASH"; sequence: number };

// Compares a shop's table with its valid checkpoints. `tableHead` is the newest
// sequence in the table (0 when empty); `hashes` holds the hash of every event found at
// a checkpoint's sequence. Findings are ordered by sequence, truncation last.
export function compareWithCheckpoints(input: {
  tableHead: number;
  hashes: ReadonlyMap<number, string>;
  checkpoints: readonly AuditCheckpoint[];
}): CheckpointFinding[] {
  const findings: CheckpointFinding[] = [];
  const seen = new Set<string>();
  const ordered = [...input.checkpoints].sort((a, b) => a.sequence - b.sequence);
  for (const checkpoint of ordered) {
    if (checkpoint.sequence > input.tableHead) continue;
    const hash = input.hashes.get(checkpoint.sequence);
    if (hash === checkpoint.hash) continue;
    const kind = hash === undefined ? "MISSING" : "HASH";
    // Several checkpoints of one sequence (e.g. taken before and after a rewrite) give
    // one finding.
    const id = `${kind}:${checkpoint.sequence}`;
    if (seen.has(id)) continue;
    seen.add(id);
    findings.push({ kind, sequence: checkpoint.sequence });
  }
  const newest = ordered.at(-1);
  if (newest && newest.sequence > input.tableHead) {
    findings.push({ kind: "TRUNCATED", fromSequence: input.tableHead + 1, toSequence: newest.sequence });
  }
  return findings;
}

// The sequences whose events the comparison needs.
export function checkpointSequences(checkpoints: readonly AuditCheckpoint[], tableHead: number): number[] {
  return [...new Set(checkpoints.map((c) => c.sequence).filter((s) => s <= tableHead))].sort((a, b) => a - b);
}
