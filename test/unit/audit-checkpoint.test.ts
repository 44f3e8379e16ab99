import { describe, expect, it } from "vitest";
import {
  type AuditCheckpoint,
  checkpointKey,
  checkpointSequences,
  compareWithCheckpoints,
  formatCheckpoint,
  parseCheckpoint,
} from "@/server/audit/checkpoint-core";

// Audit checkpoints, the pure part: only the app can sign one, a signature covers every
// field, and comparing a table with its checkpoints tells truncation, deletion and
// rewriting apart.
const SECRET = "unit-test-secret-0123456789abcdefghijklmnop";
const SHOP = "019a0000-1111-7222-8333-444455556666";
const OTHER_SHOP = "019a0000-1111-7222-8333-777788889999";
const hashOf = (n: number) => n.toString(16).padStart(64, "0");

const checkpoint: AuditCheckpoint = {
  shopId: SHOP,
  sequence: 42,
  hash: hashOf(42),
  createdAt: new Date("2026-11-22T10:20:30.456Z"),
};

const edit = (text: string, change: (json: Record<string, unknown>) => void) => {
  const json = JSON.parse(text) as Record<string, unknown>;
  change(json);
  return JSON.stringify(json);
};

describe("checkpoint files", () => {
  it("round-trip, one small JSON line with its MAC", () => {
    const text = formatCheckpoint(checkpoint, SECRET);
    expect(text.endsWith("\n")).toBe(true);
    expect(text.trim()).not.toContain("\n");
    expect(Buffer.byteLength(text)).toBeLessThan(300);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      shopId: SHOP,
      sequence: 42,
      hash: hashOf(42),
      createdAt: "2026-11-22T10:20:30.456Z",
      mac: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(parseCheckpoint(text, SECRET)).toEqual({ status: "VALID", checkpoint });
    expect(formatCheckpoint(checkpoint, SECRET)).toBe(text);
  });

  it("refuse any altered field, a moved shop id, another secret or a forged MAC", () => {
    const text = formatCheckpoint(checkpoint, SECRET);
    const altered = [
      edit(text, (j) => {
        j.sequence = 43;
      }),
      edit(text, (j) => {
        j.hash = hashOf(7);
      }),
      edit(text, (j) => {
        j.createdAt = "2026-11-22T10:20:31.456Z";
      }),
      edit(text, (j) => {
        j.shopId = OTHER_SHOP;
      }),
      edit(text, (j) => {
        j.mac = "A".repeat(43);
      }),
    ];
    for (const forged of altered) expect(parseCheckpoint(forged, SECRET)).toEqual({ status: "BAD_SIGNATURE" });
    expect(parseCheckpoint(text, "another-secret-0123456789abcdefghijklmn")).toEqual({ status: "BAD_SIGNATURE" });
    // The other shop's genuine checkpoint is a different file altogether.
    const other = formatCheckpoint({ ...checkpoint, shopId: OTHER_SHOP }, SECRET);
    expect(JSON.parse(other).mac).not.toBe(JSON.parse(text).mac);
  });

  it("call anything that is not a checkpoint malformed", () => {
    const text = formatCheckpoint(checkpoint, SECRET);
    for (const bad of [
      "",
      "not json",
      text.slice(0, 40),
      "[]",
      edit(text, (j) => {
        j.version = 2;
      }),
      edit(text, (j) => {
        j.extra = "field";
      }),
      edit(text, (j) => {
        j.sequence = 0;
      }),
      edit(text, (j) => {
        j.sequence = "42";
      }),
      edit(text, (j) => {
        j.hash = "XYZ";
      }),
      edit(text, (j) => {
        j.createdAt = "yesterday";
      }),
      edit(text, (j) => {
        j.shopId = SHOP.toUpperCase();
      }),
      " ".repeat(5000),
    ]) {
      expect(parseCheckpoint(bad, SECRET)).toEqual({ status: "MALFORMED" });
    }
  });

  it("cannot be made for what is not a shop's chain head", () => {
    expect(() => formatCheckpoint({ ...checkpoint, shopId: "shop-1" }, SECRET)).toThrow();
    expect(() => formatCheckpoint({ ...checkpoint, sequence: 0 }, SECRET)).toThrow();
    expect(() => formatCheckpoint({ ...checkpoint, hash: "abc" }, SECRET)).toThrow();
  });

  it("are stored per shop under names that sort by time", () => {
    expect(checkpointKey(checkpoint)).toBe(`${SHOP}/2026-11-22T102030.456Z-42.json`);
    const later = checkpointKey({ ...checkpoint, sequence: 9, createdAt: new Date("2026-11-22T10:30:00.000Z") });
    expect([later, checkpointKey(checkpoint)].sort()).toEqual([checkpointKey(checkpoint), later]);
  });
});

describe("compareWithCheckpoints", () => {
  const at = (sequence: number, hash = hashOf(sequence)): AuditCheckpoint => ({
    shopId: SHOP,
    sequence,
    hash,
    createdAt: new Date(Date.UTC(2026, 10, 22, 10, sequence)),
  });
  const table = (head: number, except: number[] = [], changed: Record<number, string> = {}) =>
    new Map(
      Array.from({ length: head }, (_, i) => i + 1)
        .filter((s) => !except.includes(s))
        .map((s) => [s, changed[s] ?? hashOf(s)]),
    );

  it("finds nothing when every checkpoint is in the table", () => {
    expect(compareWithCheckpoints({ tableHead: 10, hashes: table(10), checkpoints: [at(3), at(7), at(10)] })).toEqual(
      [],
    );
    expect(compareWithCheckpoints({ tableHead: 0, hashes: new Map(), checkpoints: [] })).toEqual([]);
  });

  it("reports the removed newest events as one range up to the newest checkpoint", () => {
    expect(compareWithCheckpoints({ tableHead: 7, hashes: table(7), checkpoints: [at(3), at(9), at(10)] })).toEqual([
      { kind: "TRUNCATED", fromSequence: 8, toSequence: 10 },
    ]);
    expect(compareWithCheckpoints({ tableHead: 0, hashes: new Map(), checkpoints: [at(4)] })).toEqual([
      { kind: "TRUNCATED", fromSequence: 1, toSequence: 4 },
    ]);
  });

  it("reports a checkpointed event that is gone or different", () => {
    const hashes = table(10, [3], { 7: hashOf(700) });
    expect(compareWithCheckpoints({ tableHead: 10, hashes, checkpoints: [at(10), at(7), at(3), at(5)] })).toEqual([
      { kind: "MISSING", sequence: 3 },
      { kind: "HASH", sequence: 7 },
    ]);
  });

  it("sees a chain cut back and grown again past the old head", () => {
    // Events 6..8 were replaced by 6'..9': the new chain verifies on its own.
    const hashes = table(9, [], { 6: hashOf(600), 7: hashOf(700), 8: hashOf(800), 9: hashOf(900) });
    expect(compareWithCheckpoints({ tableHead: 9, hashes, checkpoints: [at(5), at(8), at(8, hashOf(800))] })).toEqual([
      { kind: "HASH", sequence: 8 },
    ]);
  });

  it("asks only for the sequences it can find in the table", () => {
    expect(checkpointSequences([at(9), at(3), at(3), at(12)], 10)).toEqual([3, 9]);
  });
});
