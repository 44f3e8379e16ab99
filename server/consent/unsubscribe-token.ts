import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { derivedKey } from "../auth/derived-key";
import { getAuthSecret } from "../auth/secret";
import { PURPOSE_KEY_PATTERN } from "./purposes";

// The token of a one-click unsubscribe link (RFC 8058): who (shop, customer) and which
// list (purpose key), with an HMAC over all three. It never expires: a link in an old
// newsletter must still work. Changing any byte of it, or moving it to another
// customer or purpose, breaks the MAC. The key is derived from the app secret with a
// label of its own, so this MAC cannot be confused with any other the app makes.
//
// Layout: base64url(version 1 byte | shop id 16 bytes | customer id 16 bytes | purpose
// key UTF-8) "." base64url(HMAC-SHA256 over those bytes).

export type UnsubscribeClaims = { shopId: string; customerId: string; purposeKey: string };

const VERSION = 1;
const KEY_LABEL = "privacy-centre/unsubscribe-link/v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^([A-Za-z0-9_-]{46,400})\.([A-Za-z0-9_-]{43})$/;
const MAX_KEY_BYTES = 200;

const macKey = (secret: string): Buffer => derivedKey(secret, KEY_LABEL);

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const mac = (payload: Buffer, secret: string) => createHmac("sha256", macKey(secret)).update(payload).digest();

// `secret` is for tests; the app always uses its own.
export function signUnsubscribeToken(claims: UnsubscribeClaims, secret: string = getAuthSecret()): string {
  if (!UUID.test(claims.shopId) || !UUID.test(claims.customerId)) throw new Error("Ids must be UUIDs.");
  const key = Buffer.from(claims.purposeKey, "utf8");
  if (!PURPOSE_KEY_PATTERN.test(claims.purposeKey) || key.length > MAX_KEY_BYTES) {
    throw new Error("Not a purpose key.");
  }
  const payload = Buffer.concat([Buffer.from([VERSION]), uuidBytes(claims.shopId), uuidBytes(claims.customerId), key]);
  return `${payload.toString("base64url")}.${mac(payload, secret).toString("base64url")}`;
}

// The claims of a genuine token; null for anything else (malformed, forged, altered).
export function verifyUnsubscribeToken(token: unknown, secret: string = getAuthSecret()): UnsubscribeClaims | null {
  if (typeof token !== "string") return null;
  const match = TOKEN.exec(token);
  if (!match) return null;
  const payload = Buffer.from(match[1], "base64url");
  const given = Buffer.from(match[2], "base64url");
  // base64url decoding skips stray characters; a token must round-trip exactly.
  if (payload.toString("base64url") !== match[1] || given.toString("base64url") !== match[2]) return null;
  if (payload.length < 34 || payload.length > 33 + MAX_KEY_BYTES || payload[0] !== VERSION) return null;
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const purposeKey = payload.subarray(33).toString("utf8");
  if (!PURPOSE_KEY_PATTERN.test(purposeKey)) return null;
  return { shopId: uuidText(payload.subarray(1, 17)), customerId: uuidText(payload.subarray(17, 33)), purposeKey };
}
