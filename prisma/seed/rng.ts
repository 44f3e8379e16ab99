import { randomBytes } from "node:crypto";

// A small seeded PRNG (mulberry32) with the helpers the seed needs, so every run with the
// same seed produces the same people, orders and histories. Row ids are the one random
// part (UUIDv7 from the event time plus crypto randomness), so the same seed can be used
// twice in one database without primary-key clashes.

export type Rng = {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: [[value, weight], ...]. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  digits(count: number): string;
  /** A time in [fromMs, toMs). */
  between(fromMs: number, toMs: number): number;
  /** A derived, independent generator (for a sub-task whose draws must not shift others). */
  fork(label: string | number): Rng;
};

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash of a string: turns emails and labels into seeds. */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number | string): Rng {
  const base = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  const next = mulberry32(base);
  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(probability) {
      return next() < probability;
    },
    pick(items) {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)];
    },
    weighted(entries) {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1][0];
    },
    sample(items, count) {
      return rng.shuffle(items).slice(0, Math.max(0, count));
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    digits(count) {
      let out = "";
      for (let i = 0; i < count; i++) out += Math.floor(next() * 10);
      return out;
    },
    between(fromMs, toMs) {
      return Math.floor(fromMs + next() * Math.max(0, toMs - fromMs));
    },
    fork(label) {
      return createRng((base ^ hashString(String(label))) >>> 0);
    },
  };
  return rng;
}

// UUIDv7: 48-bit Unix milliseconds, then random bits, so ids sort by the event they
// describe (as Prisma's @default(uuid(7)) would have made them at that time).
let pool = Buffer.alloc(0);
let poolOffset = 0;
export function uuidv7(ms: number): string {
  if (poolOffset + 10 > pool.length) {
    pool = randomBytes(10 * 4096);
    poolOffset = 0;
  }
  const b = Buffer.allocUnsafe(16);
  const t = Math.max(0, Math.floor(ms));
  b.writeUIntBE(t, 0, 6);
  pool.copy(b, 6, poolOffset, poolOffset + 10);
  poolOffset += 10;
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const DAY = 24 * 60 * 60 * 1000;
export const HOUR = 60 * 60 * 1000;
export const MINUTE = 60 * 1000;

export function addYears(date: Date, years: number): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}
