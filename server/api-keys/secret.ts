import { createHash, randomBytes } from "node:crypto";

// API key secrets in GitHub's token format: a prefix that says what it is (so secret
// scanners and people recognise it), 30 random base62 characters (178 bits), and a
// CRC-32 checksum in 6 base62 characters, so a mistyped or truncated key is refused
// without a database lookup. "pc_test_" keys come from demo and test setups.
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
const SECRET = /^pc_(live|test)_([0-9A-Za-z]{30})_([0-9A-Za-z]{6})$/;
// The visible part kept with the key: the environment and the first 6 random characters.
const VISIBLE = "pc_live_".length + 6;

function base62(bytes: Buffer, length: number): string {
  // Rejection sampling: bytes >= 248 would bias the first 8 characters.
  let out = "";
  let pool = bytes;
  let i = 0;
  while (out.length < length) {
    if (i >= pool.length) {
      pool = randomBytes(length);
      i = 0;
    }
    const byte = pool[i++];
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function checksum(body: string): string {
  let n = crc32(body);
  let out = "";
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = ALPHABET[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export function apiKeyEnvironment(): "live" | "test" {
  return process.env.PRIVACY_CENTRE_DEMO === "1" || process.env.NODE_ENV === "test" ? "test" : "live";
}

export function generateApiKeySecret(environment = apiKeyEnvironment()): string {
  const body = `pc_${environment}_${base62(randomBytes(RANDOM_LENGTH * 2), RANDOM_LENGTH)}`;
  return `${body}_${checksum(body)}`;
}

// Whether the text has the shape and checksum of a secret (not whether it is valid).
export function isWellFormedApiKeySecret(text: string): boolean {
  const match = SECRET.exec(text);
  if (!match) return false;
  return checksum(text.slice(0, text.length - CHECKSUM_LENGTH - 1)) === match[3];
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function visiblePrefix(secret: string): string {
  return secret.slice(0, VISIBLE);
}
